import { describe, expect, it } from 'vitest';
import { digitCandidates, keywordsOf, slug, slugCandidates, spellingsOf, take } from './catalogue-codes';
import { mapRecord, parseMapOption, parseMappingFile, resolveColumns } from './column-mapping';

describe('mapping another centre’s columns to ours', () => {
  it('reads --map pairs whose column names hold spaces and commas', () => {
    expect(parseMapOption('text=Descriptor, category=Complaint Type,created=Created Date,address=Street, Number')).toEqual({
      text: 'Descriptor',
      category: 'Complaint Type',
      created: 'Created Date',
      address: 'Street, Number',
    });
    expect(() => parseMapOption('txt=Descriptor')).toThrow('--map: "txt" is not one of our columns; map one of text, category');
    expect(() => parseMapOption('Descriptor')).toThrow('--map: "Descriptor" is not ours=theirs, e.g. text=Descriptor.');
  });

  it('reads a mapping file, leaving out $comments, and refuses what is not one', () => {
    expect(parseMappingFile('{"$comment": "NYC", "text": "Descriptor"}', 'm.json')).toEqual({ text: 'Descriptor' });
    expect(() => parseMappingFile('[1]', 'm.json')).toThrow('m.json must be a JSON object');
    expect(() => parseMappingFile('{"text": 3}', 'm.json')).toThrow('m.json: text needs the name of a column of the file.');
    expect(() => parseMappingFile('{', 'm.json')).toThrow('m.json is not JSON');
  });

  it('reads unmapped columns of ours from columns of their own name, and says which are missing', () => {
    const columns = resolveColumns({ text: 'Descriptor', created: 'Created Date' }, [
      'Descriptor',
      'Created Date',
      'category',
      'phone',
      'Other',
    ]);
    expect(columns).toEqual({ text: 'Descriptor', created: 'Created Date', category: 'category', phone: 'phone' });
    expect(mapRecord({ Descriptor: 'Loud', 'Created Date': '01/02/2018', category: 'Noise', phone: '', Other: 'x' }, columns)).toEqual({
      text: 'Loud',
      category: 'Noise',
      created: '01/02/2018',
      phone: '',
    });
    expect(() => resolveColumns({ text: 'Desc' }, ['Descriptor'])).toThrow(
      'The file has no column "Desc" (mapped to text); its columns are: Descriptor.',
    );
    expect(() => resolveColumns({}, ['text'])).toThrow(
      'The file has no column for category, created; map them, e.g. --map category=<its column>,created=<its column>.',
    );
  });
});

describe('codes made from names', () => {
  it('are slugs, cut at a word, and a hash for names without ASCII letters', () => {
    expect(slug('Noise - Residential', 32)).toBe('noise-residential');
    expect(slug('HEAT/HOT WATER', 32)).toBe('heat-hot-water');
    expect(slug('Café Müller', 32)).toBe('cafe-muller');
    expect(slug('Catch Basin Clogged/Flooding (Use Comments)', 24)).toBe('catch-basin-clogged');
    expect(slug('噪声扰民', 32)).toMatch(/^x[0-9a-f]{8}$/);
    expect(slug('噪声扰民', 32)).toBe(slug(' 噪声扰民 ', 32));
  });

  it('take the next candidate when a code belongs to another name, the same on every run', () => {
    const taken = new Set(['agency:nypd']);
    const code = take(slugCandidates('agency:', 'NYPD', 32), (c) => taken.has(c));
    expect(code).toMatch(/^agency:nypd-[0-9a-f]{6}$/);
    expect(take(slugCandidates('agency:', 'nypd ', 32), (c) => taken.has(c))).toBe(code);
    const district = take(digitCandidates('9', 'Upper West Side', 5), () => false)!;
    expect(district).toMatch(/^9\d{5}$/);
    expect(take(digitCandidates('9', 'Upper West Side', 5), (c) => c === district)).toMatch(/^9\d{5}$/);
    expect(take(digitCandidates('9', 'Upper West Side', 5), (c) => c === district)).not.toBe(district);
    expect(take(digitCandidates('904512', 'Broadway', 3), () => false)).toMatch(/^904512\d{3}$/);
  });

  it('spell names for the search box and give categories their words as keywords', () => {
    expect(spellingsOf('Bedford-Stuyvesant')).toEqual({ pinyin: 'bedfordstuyvesant', initials: 'bs' });
    expect(spellingsOf('朝阳')).toEqual({ pinyin: 'chaoyang', initials: 'cy' });
    expect(keywordsOf('Noise - Street/Sidewalk')).toEqual(['noise', 'street', 'sidewalk']);
    expect(keywordsOf('噪声')).toEqual(['噪声']);
  });
});
