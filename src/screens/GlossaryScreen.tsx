/** Every hard term explained, and whom to ask (#/glossary). */
import { usePageTitle } from '../i18n/usePageTitle';
import { Mixed } from '../i18n/Mixed';
import { TERMS } from '../steps/ui/terms';
import { useT } from '../i18n/useT';

export default function GlossaryScreen() {
  const { t } = useT();
  usePageTitle(t('wizard:terms.glossaryTitle'));
  return (
    <div className="glossary">
      <h1 tabIndex={-1}>{t('wizard:terms.glossaryTitle')}</h1>
      <p>
        <Mixed text={t('wizard:terms.glossaryIntro')} />
      </p>
      <dl>
        {TERMS.map((k) => (
          <div key={k} id={`term-${k}`}>
            <dt>
              <Mixed text={t(`wizard:terms.list.${k}.term`)} />
            </dt>
            <dd>
              <Mixed text={t(`wizard:terms.list.${k}.text`)} />
            </dd>
          </div>
        ))}
      </dl>
      <h2>{t('wizard:terms.askTitle')}</h2>
      <p>{t('wizard:terms.ask')}</p>
    </div>
  );
}
