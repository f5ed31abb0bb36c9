// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../src/i18n';
import { makeBatch, ROW_KINDS, type RowSummary } from '../../src/roster/protocol';
import { PAGE_SIZE, RosterTable } from '../../src/roster/RosterTable';
import { RowStore } from '../../src/roster/store';

beforeAll(() => {
  initI18n('zh-CN');
});
afterEach(cleanup);

/** 130 screened rows (spreadsheet rows 2–131) in batches of 40, kinds in turn. */
function storeOf(n = 130): RowStore {
  const rows: RowSummary[] = Array.from({ length: n }, (_, i) => {
    const kind = ROW_KINDS[i % ROW_KINDS.length]!;
    return kind === 'error' ? { row: i + 2, ref: `p${i}`, kind, total: 0, errors: [] } : { row: i + 2, ref: `p${i}`, kind, total: 100, living: 'paid', livingPaid: 100, care: 'notEligible', carePaid: 0 };
  });
  const store = new RowStore();
  for (let i = 0; i < rows.length; i += 40) store.add(makeBatch(rows.slice(i, i + 40)));
  return store;
}

/** The table as the page uses it: the page number and the choices are the page's state. */
function Page({ store }: { store: RowStore }) {
  const [page, setPage] = useState(0);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  return (
    <RosterTable
      store={store}
      indexes={store.select('all')}
      page={page}
      label="全部"
      onPage={setPage}
      onDetail={() => {}}
      chosen={chosen}
      added={new Set()}
      onChoose={(row, on) =>
        setChosen((c) => {
          const next = new Set(c);
          if (on) next.add(row);
          else next.delete(row);
          return next;
        })
      }
    />
  );
}

const bodyRows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1);

describe('the results table of a large roster', () => {
  it(`shows at most ${PAGE_SIZE} rows at once, as a table with a caption, column headers and row headers`, async () => {
    render(<Page store={storeOf()} />);
    const table = await screen.findByRole('table');
    expect(bodyRows()).toHaveLength(PAGE_SIZE);
    expect(within(table).getByText(/第 1 页，共 3 页（130 行）/)).toBeInTheDocument();
    expect(within(table).getAllByRole('columnheader')).toHaveLength(10);
    expect(within(table).getAllByRole('rowheader')).toHaveLength(PAGE_SIZE);
  });

  it('reaches every row, ranked by kind, with the keyboard alone (Tab to "next page", Enter)', async () => {
    const store = storeOf();
    render(<Page store={store} />);
    await screen.findByRole('table');
    const user = userEvent.setup();
    const seen: number[] = [];
    for (let page = 0; page < 3; page++) {
      await screen.findByText(new RegExp(`第 ${page + 1} 页，共 3 页`));
      seen.push(...within(screen.getByRole('table')).getAllByRole('rowheader').map((th) => Number(th.textContent)));
      if (page === 2) break;
      const next = screen.getByRole('button', { name: '下一页' });
      // the button is reached by Tab (a native button: no tabindex tricks) and pressed with Enter;
      // each new page takes focus to the table, so the next page's button is tabbed to again
      for (let i = 0; i < 200 && document.activeElement !== next; i++) await user.tab();
      expect(next).toHaveFocus();
      await user.keyboard('{Enter}');
    }
    expect(seen).toHaveLength(130);
    expect(seen).toEqual(Array.from(store.select('all'), (i) => store.rowAt(i)));
    expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled();
  }, 60_000);

  it('moves focus from "next page" to the table, so that a new page is read from its top', async () => {
    render(<Page store={storeOf()} />);
    await screen.findByRole('table');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '下一页' }));
    await screen.findByText(/第 2 页，共 3 页/);
    expect(screen.getByRole('region', { name: /第 2 页，共 3 页/ })).toHaveFocus();
  });
});

describe('a row with a warning', () => {
  const warned: RowSummary = { row: 7, ref: '孙丽', kind: 'likely', total: 500, living: 'paid', livingPaid: 300, care: 'paid', carePaid: 200, checklist: ['tekun'], warnings: ['身份证号校验位应为 4，这里是 6，可能抄错了某一位'] };

  it('shows the warning on the row, with a sign and a word, and hands it to the detail', async () => {
    const store = new RowStore();
    store.add(makeBatch([warned]));
    const opened: [number, readonly string[] | undefined][] = [];
    render(<RosterTable store={store} indexes={store.select('all')} page={0} label="全部" onPage={() => {}} onDetail={(row, w) => opened.push([row, w])} chosen={new Set()} added={new Set()} onChoose={() => {}} />);
    const row = (await screen.findByRole('rowheader', { name: '7' })).closest('tr')!;
    expect(within(row).getByText(/提醒：身份证号校验位应为 4，这里是 6/)).toBeInTheDocument();
    await userEvent.setup().click(within(row).getByRole('button', { name: '查看第 7 行详情' }));
    expect(opened).toEqual([[7, warned.warnings]]);
  });
});
