// Talking to the workbench server: every answer is either the JSON asked for or the server's sentence saying why not.
export type Answer<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

async function answer<T>(response: Promise<Response>): Promise<Answer<T>> {
  let r: Response;
  try {
    r = await response;
  } catch (error) {
    return { ok: false, status: 0, error: `The workbench server does not answer (${(error as Error).message}): is it still running?` };
  }
  let body: unknown = null;
  try {
    body = await r.json();
  } catch {
    // an answer without JSON is described by its status below
  }
  if (r.ok) return { ok: true, value: body as T };
  const error = body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
    ? (body as { error: string }).error : `The workbench answered ${r.status} ${r.statusText}.`;
  return { ok: false, status: r.status, error };
}

export interface Api {
  get<T>(path: string): Promise<Answer<T>>;
  post<T>(path: string, body: unknown): Promise<Answer<T>>;
  upload<T>(path: string, form: FormData): Promise<Answer<T>>;
  del<T>(path: string): Promise<Answer<T>>;
  url(path: string): URL;
}

export function createApi(base: URL): Api {
  const url = (path: string) => new URL(path, base);
  return {
    url,
    get: (path) => answer(fetch(url(path), { cache: 'no-store' })),
    post: (path, body) => answer(fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })),
    upload: (path, form) => answer(fetch(url(path), { method: 'POST', body: form })),
    del: (path) => answer(fetch(url(path), { method: 'DELETE' })),
  };
}
