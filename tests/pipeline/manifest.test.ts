import { describe, expect, it } from 'vitest';
import { parseManifest, PipelineInputError } from '../../src/pipeline/manifest.ts';

const manifest = (documents: unknown) => JSON.stringify({ documents }, null, 2);

function errorOf(run: () => unknown): PipelineInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof PipelineInputError) return error;
    throw error;
  }
  throw new Error('expected a PipelineInputError');
}

describe('parseManifest', () => {
  it('parseManifest() reads file, title, credit and published, and ignores extra fields', () => {
    const entries = parseManifest(JSON.stringify({
      about: 'notes',
      documents: [
        { file: 'a.txt', title: 'A', credit: 'AFP', published: '2025-10-15', publishedNote: 'inferred' },
        { file: 'b.txt', title: 'B', credit: null, published: null },
      ],
    }));
    expect(entries).toEqual([
      { file: 'a.txt', title: 'A', credit: 'AFP', published: '2025-10-15' },
      { file: 'b.txt', title: 'B', credit: null, published: null },
    ]);
  });

  it('parseManifest() treats a missing title, credit or published as empty or null', () => {
    expect(parseManifest(manifest([{ file: 'a.txt' }]))).toEqual([{ file: 'a.txt', title: '', credit: null, published: null }]);
  });

  it('parseManifest() reports bad JSON with the file name, line and column', () => {
    const error = errorOf(() => parseManifest('{\n  "documents": [\n    {"file": "a.txt",}\n  ]\n}', 'seeds/manifest.json'));
    expect(error.file).toBe('seeds/manifest.json');
    expect(error.message).toMatch(/^seeds\/manifest\.json: is not valid JSON at line 3, column 22/);
  });

  it('parseManifest() reports a truncated file at its end', () => {
    expect(errorOf(() => parseManifest('{"documents": [')).message).toMatch(/manifest\.json: is not valid JSON at line 1, column 16/);
  });

  it('parseManifest() rejects a manifest without a documents array', () => {
    expect(errorOf(() => parseManifest('{"docs": []}')).message).toBe('manifest.json: has no "documents" array');
    expect(errorOf(() => parseManifest('[]')).message).toBe('manifest.json: has no "documents" array');
  });

  it('parseManifest() rejects an entry without a file', () => {
    expect(errorOf(() => parseManifest(manifest([{ file: 'a.txt' }, { title: 'B' }]))).message).toMatch(/documents\[1\] has no "file"/);
  });

  it('parseManifest() rejects a published date that is not written YYYY-MM-DD', () => {
    expect(errorOf(() => parseManifest(manifest([{ file: 'a.txt', published: '15/10/2025' }]))).message)
      .toMatch(/documents\[0\] \(a\.txt\): published "15\/10\/2025" is not a real date/);
  });

  it('parseManifest() rejects a published date that does not exist', () => {
    expect(errorOf(() => parseManifest(manifest([{ file: 'a.txt', published: '2025-02-30' }]))).message)
      .toMatch(/published "2025-02-30" is not a real date/);
  });

  it('parseManifest() rejects a file listed twice', () => {
    expect(errorOf(() => parseManifest(manifest([{ file: 'a.txt' }, { file: 'a.txt' }]))).message)
      .toBe('manifest.json: documents[1]: "a.txt" is listed twice');
  });

  it('parseManifest() rejects a field of the wrong type', () => {
    expect(errorOf(() => parseManifest(manifest([{ file: 'a.txt', credit: 5 }]))).message).toMatch(/"credit" must be a string or null/);
  });
});
