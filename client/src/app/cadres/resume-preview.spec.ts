import { previewResume } from './resume-preview';

describe('previewResume', () => {
  const CASES: readonly [string, string, number, string[]][] = [
    ['dated lines', '2005.09--2009.07  西南大学学习\n2009.07--  南宾镇科员', 2, []],
    ['a 其间 line after an entry', '2009.07--2015.02  南宾镇科员\n（其间：2011.03--2012.03  挂职龙沙村第一书记）', 1, []],
    ['a 其间 line with nothing before it', '（其间：2011.03--2012.03  挂职龙沙村第一书记）', 0, ['（其间：2011.03--2012.03  挂职龙沙村第一书记）']],
    ['a line without dates', '2005.09--2009.07  西南大学学习\n后在某单位工作', 1, ['后在某单位工作']],
    ['blank lines', '\n  \n2005.09--2009.07  西南大学学习\n', 1, []],
    ['<br> as a line break', '2005.09--2009.07  西南大学学习<br>2009.07--2015.02  南宾镇科员', 2, []],
  ];
  for (const [name, text, entries, unparsed] of CASES) {
    it(`reads ${name}`, () => {
      const preview = previewResume(text);

      expect(preview.entries.length).toBe(entries);
      expect(preview.unparsed).toEqual(unparsed);
    });
  }
});
