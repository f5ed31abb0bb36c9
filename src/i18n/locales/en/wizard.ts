import type zh from '../zh-CN/wizard';
import type { Translation } from '../../types';

/** Forms of the person asked about: _self / _carer / _worker. */
interface Who {
  s: string; // subject
  p: string; // possessive
  Do: string;
  Is: string;
  Has: string;
}
const who: Record<'self' | 'carer' | 'worker', Who> = {
  self: { s: 'you', p: 'your', Do: 'Do you', Is: 'Are you', Has: 'Have you' },
  carer: { s: 'the person you care for', p: "the person's", Do: 'Does the person you care for', Is: 'Is the person you care for', Has: 'Has the person you care for' },
  worker: { s: 'the disabled person', p: "the disabled person's", Do: 'Does the disabled person', Is: 'Is the disabled person', Has: 'Has the disabled person' },
};
const q = (f: (w: Who) => string) => ({ q_self: f(who.self), q_carer: f(who.carer), q_worker: f(who.worker) });
const tri = { yes: 'Yes', no: 'No', unknown: 'Not sure' };

const wizard = {
  title: 'Check the two disability subsidies',
  pageTitle: '{{page}} - Tianjin disability subsidies check',
  back: 'Back',
  progress: 'Question {{n}} of about {{m}}',
  continue: 'Continue',
  whyPrefix: 'Why we ask: ',
  restart: 'Start again',
  restartConfirm: 'Clear every answer and start again? This cannot be undone.',
  errors: {
    summaryTitle: 'There is a problem',
    choose: 'Select one option',
    amount: 'Enter the monthly amount in yuan (a whole number from 1 to 1000000), or choose “Not sure of the amount”',
    date: 'Enter a full date (year-month-day), or choose “Not sure”',
    dateEmpty: 'Enter the date, for example 2024-05-01, or choose “Not sure”',
    dateFormat: '“{{text}}” does not read as a date: write year-month-day, for example 2024-05-01',
    dateMonth: 'The month is {{month}}: a month is from 1 to 12',
    dateDay: 'Month {{month}} of {{year}} has no day {{day}}: that month has {{last}} days',
    dateFuture: 'The date cannot be after today ({{today}})',
    dateTooEarly: 'The date cannot be before 1950',
  },
  terms: {
    whatIsIt: 'What is this?',
    glossaryTitle: 'Hard words explained',
    glossaryIntro: 'The harder words in the questions and the result. Taken from the Tianjin implementing opinions (津民发〔2023〕23号) and the public sources this tool uses; the civil affairs bureau’s explanation prevails.',
    list: {
      dibao: { term: 'Dibao (低保, minimum living guarantee)', text: 'A household recognised by civil affairs as living below the minimum and paid the dibao allowance each month. A disabled person in a Tianjin dibao household can get the living subsidy. The two subsidies do not count as household income, so claiming them cannot cost the household its dibao.' },
      dibaoEdge: { term: 'Dibao-edge household (低保边缘家庭)', text: 'What used to be called a “low-income household”, recognised by civil affairs. This tool has no reliable source for Tianjin’s exact line: ask the residents’ committee, the street office (township), or call 12345.' },
      tekun: { term: 'Extreme-poverty support (特困人员供养)', text: 'Support from the government for people in extreme poverty. Someone supported this way gets neither subsidy. The street office (township) can say whether this applies.' },
      orphanGuarantee: { term: 'Orphan basic-living guarantee (孤儿基本生活保障)', text: 'The government’s basic-living guarantee for orphans. A disabled child with it gets no living subsidy but can get the care subsidy; for a child raised in a child-welfare institution, the care subsidy can go to the institution.' },
      workInjuryCareFee: { term: 'Work-injury living-care fee (工伤保险生活护理费)', text: 'A monthly living-care fee from work-injury insurance. Someone receiving it gets neither subsidy.' },
      welfareAllowance: { term: 'Welfare-type allowances and disability pensions (福利性生活补贴（津贴）、伤残抚恤)', text: 'Monthly welfare-type living or care allowances, e.g. for disability from work or for retired cadres, and disability pensions. Someone who also qualifies for the subsidies gets only one of each kind: the higher (择高).' },
      chooseHigher: { term: 'Choose the higher (择高)', text: 'When only one of two allowances can be paid, take the higher; the other one is then given up. The result shows both amounts, which to keep and the difference a month.' },
      waived: { term: 'Counts as waiving (视为自愿放弃)', text: 'If the office gave notice and the person or guardian did not apply, that counts as waiving. An application can still be made at any time; payment starts from that month, with no back pay. Without notice, this rule does not apply.' },
      severe: { term: 'Severe disability (重度)', text: 'As the Opinions define it: grade 1 or 2 in any category. The grade is printed on the disability certificate.' },
      crossProvince: { term: 'Across provinces (跨省通办)', text: 'A way to apply from outside the province of one’s hukou.' },
      hotline: { term: '12345 hotline', text: 'The 12345 government service hotline, the same number in every Chinese city, Tianjin included. It answers questions on benefits and passes them to the office responsible.' },
    },
    askTitle: 'Whom to ask',
    ask: 'The street office (township government) where the person is registered, the district disabled persons’ federation or civil affairs bureau; or the 12345 government service hotline.',
  },
  start: {
    h1: 'Check the Tianjin disability subsidies',
    intro: 'Answer a few questions to see whether Tianjin’s two disability subsidies (for living costs and for care) can be paid, and how much a month.',
    doesTitle: 'What this tool does',
    does1: 'Checks each condition of the 2023 Tianjin implementing opinions and says which are met and which are not.',
    does2: 'Where you must choose between this and another allowance, compares which is higher.',
    does3: 'Says where to apply, what to bring, and the 3-month deadline for proactive notice.',
    notTitle: 'What it does not do',
    not1: 'The result is an estimate, not a decision. The street office (or township) and the district civil affairs bureau (民政) decide.',
    not2: 'The amounts come from published secondary sources and may have changed.',
    haveTitle: 'Have these at hand (if you have them)',
    have1: 'The disability certificate (残疾人证) — it shows the category and grade',
    have2: 'The household register (户口簿)',
    have3: 'The 低保 or 低保边缘 paper for the household',
    privacyTitle: 'Your answers stay on this device',
    privacy: 'Answers are kept only in this browser on this device and are sent nowhere. “Start again” clears them at any time.',
    roleLegend: 'Who is answering?',
    roleHint: 'The questions are worded to match.',
    role: {
      self: 'I am checking for myself',
      carer: 'I am checking for someone I care for (for example a child or an older relative)',
      worker: 'I am a social worker or official checking for someone',
    },
    startButton: 'Start',
    resume: 'Your earlier answers are saved; you will continue where you left off.',
  },
  hukou: {
    short: 'Household registration',
    ...q((w) => `Is ${w.p} household registration (户籍) in Tianjin?`),
    why: 'Both subsidies are only for people registered in Tianjin.',
    options: { tianjin: 'Yes, registered in Tianjin', other: 'No, registered elsewhere', unknown: 'Not sure' },
  },
  certificate: {
    short: 'Disability certificate',
    ...q((w) => `${w.Do} have a valid disability certificate (残疾人证)?`),
    why: 'The category and grade are those on the certificate. Without one, the first step is to get one from the disabled persons’ federation (残联).',
    options: { valid: 'Yes, a valid certificate', none: 'No, or it has expired', unknown: 'Not sure' },
  },
  category: {
    short: 'Category of disability',
    ...q((w) => `Which category of disability is on ${w.p} certificate?`),
    why: 'The living subsidy covers these seven categories. The category is printed on the certificate.',
    options: {
      visual: 'Visual',
      hearing: 'Hearing',
      speech: 'Speech',
      physical: 'Physical',
      mental: 'Mental (psychiatric)',
      intellectual: 'Intellectual',
      multiple: 'Multiple',
      unknown: 'Not sure',
    },
  },
  grade: {
    short: 'Grade of disability',
    ...q((w) => `What grade is ${w.p} disability?`),
    why: 'Grades 1 and 2 are “severe” (重度): they can get the care subsidy and a higher living subsidy. The grade is printed on the certificate.',
    options: { '1': 'Grade 1', '2': 'Grade 2', '3': 'Grade 3', '4': 'Grade 4', unknown: 'Not sure' },
  },
  household: {
    short: 'Household support',
    ...q((w) => `Does ${w.p} household receive 低保 (minimum living support), or is it a 低保边缘 (near-低保) household?`),
    why: 'The living subsidy is only for people in 低保 or 低保边缘 households (formerly “low-income households”). The care subsidy has no income test.',
    options: { dibao: 'Receives 低保', dibaoEdge: '低保边缘 household (formerly low-income household)', neither: 'Neither', unknown: 'Not sure' },
  },
  exclusions: {
    short: 'Other situations',
    h1: 'Do any of these apply?',
    why: 'Someone in any of these situations gets neither subsidy.',
    tekun: q((w) => `${w.Is} supported by the scheme for people in extreme poverty (特困人员供养)?`),
    workInjuryCareFee: q((w) => `${w.Do} receive the work-injury insurance living-care fee (工伤保险生活护理费)?`),
    inPrison: q((w) => `${w.Is} serving a prison sentence (fixed-term imprisonment or more)?`),
    options: tri,
  },
  orphan: {
    short: 'Orphan basic-living guarantee',
    ...q((w) => `${w.Is} covered by the orphan basic-living guarantee?`),
    hint: 'This guarantee is for orphaned children. For an adult, choose “No”.',
    why: 'A disabled child covered by the orphan guarantee gets no living subsidy but may get the care subsidy.',
    options: tri,
  },
  orphanInstitution: {
    short: 'Raised in an institution',
    ...q((w) => `${w.Is} raised in a child-welfare institution?`),
    why: 'For a child raised in an institution, the care subsidy may be paid to the institution.',
    options: tri,
  },
  institutionFunded: {
    short: 'Institution already funded for care',
    ...q(() => 'Is the child-welfare institution already funded for care-type subsidies?'),
    why: 'Where it is, the care subsidy is not paid a second time. The institution can tell you.',
    options: tri,
  },
  welfareLiving: {
    short: 'Welfare-type living allowance',
    ...q((w) => `${w.Do} receive a welfare-type living allowance (for example for a work-related disability or as a retired cadre) or a disability pension (伤残抚恤)?`),
    why: 'Someone entitled to both chooses the higher living-type allowance.',
    options: tri,
  },
  welfareLivingAmount: {
    short: 'Welfare-type living allowance: amount',
    ...q((w) => `How much is ${w.p} welfare-type living allowance (or disability pension) a month?`),
    why: 'To compare which is higher.',
  },
  welfareCare: {
    short: 'Welfare-type care allowance',
    ...q((w) => `${w.Do} receive a welfare-type care allowance (for example for a work-related disability or as a retired cadre)?`),
    why: 'Someone entitled to both chooses the higher care-type allowance.',
    options: tri,
  },
  welfareCareAmount: {
    short: 'Welfare-type care allowance: amount',
    ...q((w) => `How much is ${w.p} welfare-type care allowance a month?`),
    why: 'To compare which is higher.',
  },
  homeCareNursing: {
    short: 'Home elderly-care nursing subsidy',
    ...q((w) => `${w.Do} receive the home elderly-care nursing subsidy (居家养老护理补贴)?`),
    why: 'It and the care subsidy cannot both be paid: the higher one is chosen.',
    options: tri,
  },
  homeCareNursingAmount: {
    short: 'Home elderly-care nursing subsidy: amount',
    ...q((w) => `How much is ${w.p} home elderly-care nursing subsidy a month?`),
    why: 'To compare which is higher.',
  },
  elderly: {
    short: 'Allowances for older people',
    h1: 'Allowances for older people',
    why: 'These two can be received together with the disability subsidies; neither reduces the other.',
    homeElderlyServiceSubsidy: q((w) => `${w.Do} receive the home elderly-care service subsidy (居家养老服务补贴)?`),
    advancedAgeAllowance: q((w) => `${w.Do} receive the advanced-age allowance (高龄津贴)?`),
    options: tri,
  },
  dibaoSince: {
    short: 'Date admitted to 低保',
    ...q((w) => `On what date was ${w.p} household admitted to 低保?`),
    why: 'For a household newly admitted to 低保, civil affairs staff must give notice of the subsidies within 3 months.',
  },
  dibaoEdgeSince: {
    short: 'Date classed as 低保边缘',
    ...q((w) => `On what date was ${w.p} household classed as 低保边缘?`),
    why: 'For a household newly classed as 低保边缘, civil affairs staff must give notice within 3 months.',
  },
  certifiedOn: {
    short: 'Date the certificate was issued',
    ...q((w) => `On what date was ${w.p} disability certificate issued?`),
    why: 'For a newly issued certificate, the disabled persons’ federation must give notice within 3 months.',
  },
  notice: {
    short: 'Notice received',
    ...q((w) => `Has anyone told ${w.s} about these two subsidies (proactive notice)?`),
    why: 'For example a system prompt, a plain-language sheet, a letter, a phone call or a home visit. Not applying after notice counts as waiving; you can still apply later.',
    options: tri,
    dateLabel: 'Date of the notice',
    formLegend: 'How was notice given? (optional)',
    forms: { systemPrompt: 'Prompt in the two-subsidy information system', plainSheet: 'Plain-language sheet (明白纸)', letter: 'Notification letter (告知书)', phone: 'Phone call', homeVisit: 'Home visit' },
  },
  applied: {
    short: 'Already applied',
    ...q((w) => `${w.Has} already applied for these subsidies?`),
    why: 'Payment starts from the month the application is made.',
    options: { yes: 'Yes, already applied', no: 'Not yet', unknown: 'Not sure' },
    dateLabel: 'Date of the application',
  },
  date: {
    hint: 'Year-month-day, for example 2024-05-01.',
    notSure: 'Not sure, or do not remember the date',
  },
  amount: {
    label: 'Amount per month (yuan)',
    hint: 'Numbers only, for example 350',
    notSure: 'Not sure of the amount',
    unit: 'yuan a month',
  },
  check: {
    h1: 'Check your answers',
    intro: 'Check the answers below. “Change” takes you back to that question and then returns here.',
    role: 'Who is answering',
    change: 'Change',
    submit: 'See the result',
    notAsked: '(with the other answers, this no longer changes the result)',
    notAnswered: 'Not answered (counted as “not sure”)',
    dateNotSure: 'Date not known',
    perMonth: '{{amount}} yuan a month',
    sep: ', ',
  },
} satisfies Translation<typeof zh>;
export default wizard;
