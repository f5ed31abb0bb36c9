/** The columns and values a roster may hold (#/columns), read from the field registry, and the template to download. */
import { useMemo } from 'react';
import { usePageTitle } from '../i18n/usePageTitle';
import { Mixed } from '../i18n/Mixed';
import { hrefFor } from '../route';
import { fieldName } from '../screening/messages';
import { columnGuide, NONE_CELL_WORDS, PLACE_EXAMPLES, templateFile, templateFileName, UNKNOWN_CELL_WORDS, type ColumnGuide } from '../screening/template';
import { useT } from '../i18n/useT';

type Lang = 'zh-CN' | 'en';

function TemplateLink({ lang, label }: { lang: Lang; label: string }) {
  return (
    <a
      className="guide-button"
      href={hrefFor('columns')}
      download={templateFileName(lang)}
      onClick={(e) => {
        // built on this device when asked for: nothing is fetched
        const u = URL.createObjectURL(new Blob([templateFile(lang)], { type: 'text/csv;charset=utf-8' }));
        e.currentTarget.href = u;
        setTimeout(() => URL.revokeObjectURL(u), 60_000);
      }}
    >
      {label}
    </a>
  );
}

function Values({ g, lang }: { g: ColumnGuide; lang: Lang }) {
  const { t } = useT();
  const sep = t('roster:listSep');
  if (g.kind === 'date') return <p>{t('roster:guide.date')}</p>;
  if (g.kind === 'text') return <p>{t('roster:guide.text', { max: g.max })}</p>;
  if (g.kind === 'allowances') return <p><Mixed text={t('roster:guide.allowances', { none: NONE_CELL_WORDS.join(sep) })} /></p>;
  return (
    <>
      <ul>
        {g.values.map((v) => (
          <li key={v.value}>
            {lang === 'zh-CN' ? (
              <>
                {v.words.join(sep)}
                {t('roster:guide.alsoWritten', { value: v.value })}
              </>
            ) : (
              <Mixed text={v.value + t('roster:guide.alsoWritten', { value: v.words.join(sep) })} />
            )}
          </li>
        ))}
      </ul>
      {g.column === 'hukou' && (
        <p>
          <Mixed text={t('roster:guide.place', { districts: PLACE_EXAMPLES.join(sep) })} />
        </p>
      )}
    </>
  );
}

export default function ColumnsScreen() {
  const { t, lang: l } = useT();
  const lang: Lang = l === 'en' ? 'en' : 'zh-CN';
  usePageTitle(t('roster:guide.title'));
  const guide = useMemo(() => columnGuide(), []);
  const sep = t('roster:listSep');
  return (
    <div className="guide">
      <h1 tabIndex={-1}>{t('roster:guide.title')}</h1>
      <p>{t('roster:guide.intro')}</p>
      <p>
        <a className="guide-link" href={hrefFor('roster')}>
          {t('roster:guide.back')}
        </a>
      </p>
      <h2>{t('roster:guide.templateTitle')}</h2>
      <p>{t('roster:guide.templateText')}</p>
      <p>
        <TemplateLink lang={lang} label={t('roster:guide.download')} />
      </p>
      <h2>{t('roster:guide.blankTitle')}</h2>
      <p>
        <Mixed text={t('roster:guide.blankText', { words: UNKNOWN_CELL_WORDS.join(sep) })} />
      </p>
      <h2>{t('roster:guide.columnsTitle')}</h2>
      {guide.map((g) => (
        <section key={g.column} id={`column-${g.column}`} aria-labelledby={`column-${g.column}-name`}>
          <h3 id={`column-${g.column}-name`}>
            <Mixed text={g.name[lang]} />
          </h3>
          <dl>
            <dt>{t('roster:guide.headers')}</dt>
            <dd>
              <Mixed text={g.headers.join(sep)} />
            </dd>
            <dt>{t('roster:guide.values')}</dt>
            <dd>
              <Values g={g} lang={lang} />
              {g.into && <p><Mixed text={t('roster:guide.into', { field: fieldName(g.into, lang) })} /></p>}
            </dd>
            <dt>{t('roster:guide.blank')}</dt>
            <dd>{t(g.blank === 'unknown' ? 'roster:guide.blankUnknown' : 'roster:guide.blankAbsent')}</dd>
          </dl>
        </section>
      ))}
    </div>
  );
}
