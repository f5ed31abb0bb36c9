/** Text that may hold Chinese terms inside an English page: each run of Chinese is marked lang="zh-CN", so a screen reader reads it in Chinese. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

const CJK = /([\u3400-\u9fff\u3000-\u303f\uff01-\uff5e“”（）]+)/;

export function Mixed({ text }: { text: string }) {
  const { i18n } = useTranslation();
  if (i18n.language !== 'en' || !CJK.test(text)) return <>{text}</>;
  return (
    <>
      {text.split(CJK).map((part, i) =>
        i % 2 === 1 && /[\u3400-\u9fff]/.test(part) ? (
          <span key={i} lang="zh-CN">
            {part}
          </span>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
