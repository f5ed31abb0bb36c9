/**
 * A roster of the kind a street office keeps (Chinese headers and values, 身份证号, 联系电话, 住址),
 * for the speed comparison of `npm run bench:cli`: reproducible (seeded), about 140 bytes a row.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { rng } from './generate';

export const REALISTIC_HEADERS = [
  '序号', '姓名', '性别', '身份证号', '户籍', '残疾人证', '残疾类别', '残疾等级', '家庭类别（低保/低保边缘）',
  '特困人员供养', '工伤保险生活护理费', '新纳入低保日期', '新办残疾人证日期', '联系电话', '住址', '备注',
] as const;

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const DISTRICTS = ['和平区', '河东区', '河西区', '南开区', '河北区', '红桥区', '东丽区', '西青区', '津南区', '北辰区'];
const STREETS = ['友谊路', '解放南路', '卫津路', '南京路', '中山路', '复康路', '黄河道', '红旗路'];
const CATEGORIES = ['肢体残疾', '视力残疾', '听力残疾', '言语残疾', '智力残疾', '精神残疾', '多重残疾'];
const GRADES = ['一级', '二级', '三级', '四级'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const digits = (r: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
};
const slashDate = (r: () => number) => `${2023 + Math.floor(r() * 3)}/${1 + Math.floor(r() * 12)}/${1 + Math.floor(r() * 28)}`;

export function realisticRow(r: () => number, i: number): string[] {
  const tianjin = r() < 0.9;
  const household = r();
  const dibao = household < 0.45;
  return [
    String(i + 1),
    pick(r, [...SURNAMES]) + pick(r, [...GIVEN]) + (r() < 0.6 ? pick(r, [...GIVEN]) : ''),
    r() < 0.5 ? '男' : '女',
    `120${digits(r, 3)}19${40 + Math.floor(r() * 60)}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}${digits(r, 3)}${r() < 0.1 ? 'X' : digits(r, 1)}`,
    tianjin ? (r() < 0.7 ? '天津市' : '天津') : r() < 0.5 ? '外地' : '不清楚',
    r() < 0.95 ? '有' : '无',
    pick(r, CATEGORIES),
    pick(r, GRADES),
    dibao ? '低保' : household < 0.6 ? '低保边缘' : household < 0.9 ? '否' : '',
    r() < 0.9 ? '否' : r() < 0.5 ? '是' : '',
    r() < 0.95 ? '否' : '',
    dibao && r() < 0.3 ? slashDate(r) : '',
    r() < 0.2 ? slashDate(r) : '',
    `1${pick(r, ['3', '5', '8'])}${digits(r, 9)}`,
    `天津市${pick(r, DISTRICTS)}${pick(r, STREETS)}${1 + Math.floor(r() * 300)}号`,
    r() < 0.1 ? '已入户' : '',
  ];
}

/** Writes `rows` rows (UTF-8 with BOM, CR LF) to `file`. */
export function writeRealistic(file: string, rows: number, seed = 11): void {
  const r = rng(seed);
  const fd = openSync(file, 'w');
  writeSync(fd, '\uFEFF' + REALISTIC_HEADERS.join(',') + '\r\n');
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(realisticRow(r, i).join(','));
    if (batch.length === 5000) {
      writeSync(fd, batch.join('\r\n') + '\r\n');
      batch = [];
    }
  }
  if (batch.length) writeSync(fd, batch.join('\r\n') + '\r\n');
  closeSync(fd);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeRealistic(process.argv[2] ?? 'bench/out/realistic-100000.csv', Number(process.argv[3] ?? 100_000));
}
