// The page's one way to save a file: the code editor's .c files and every export (exports.ts) go
// through it. A link to an object URL, clicked; the URL is let go once the browser has it.
export function download(name: string, data: string | Blob, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name.replace(/^.*\//, '');
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
