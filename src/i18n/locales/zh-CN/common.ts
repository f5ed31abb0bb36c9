const common = {
  appName: '天津残疾人两项补贴自查',
  appShortName: '两项补贴自查',
  skipToContent: '跳到主要内容',
  language: '语言',
  switchTo: 'English',
  switchToLabel: 'Switch to English',
  careMode: '关怀模式',
  nav: {
    label: '主要栏目',
    check: '自查',
    caseload: '个案与告知',
    roster: '名单筛查',
    glossary: '名词解释',
  },
  estimate: '本工具的结果只是估算，以街道（乡镇）和区民政部门的审核决定为准。',
  privacy: '您填写的内容只保存在本设备上，不会发送到任何地方。',
  loading: '正在加载…',
} as const;
export default common;
