export type Msg = { kind: 'ok' | 'error'; text: string };

/**
 * What an action did, in one line: a polite status when it went well, an alert when it did not (said
 * by the words and the role, not by colour alone). The live region stays in place so both are read.
 */
export function MessageLine({ msg }: { msg: Msg | null }) {
  return (
    <div aria-live="polite">
      {msg && (
        <p role={msg.kind === 'ok' ? 'status' : 'alert'} className={msg.kind === 'ok' ? 'cl-ok' : 'cl-error'}>
          {msg.text}
        </p>
      )}
    </div>
  );
}
