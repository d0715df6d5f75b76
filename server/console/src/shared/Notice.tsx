/** A form's outcome line: an error (`role="alert"`) or a confirmation (`role="status"`). */
export type NoticeState = { error: boolean; text: string } | null;

export function Notice({ notice }: { notice: NoticeState }) {
  if (!notice) return null;
  return (
    <p class={notice.error ? 'error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
      {notice.text}
    </p>
  );
}
