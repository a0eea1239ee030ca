import { WeightedTable } from './random.js';

// Weights are per-mille shares of the national population (2020 household registration
// ranking), nudged up for surnames that are more common in Chongqing and Sichuan
// (何、罗、唐、邓、谭、彭、冉、向、秦、熊).
export const SURNAMES = new WeightedTable<string>([
  ['王', 71], ['李', 70], ['张', 67], ['刘', 54], ['陈', 48], ['杨', 33], ['黄', 23], ['赵', 21],
  ['吴', 20], ['周', 19], ['徐', 15], ['孙', 14], ['马', 12], ['朱', 12], ['胡', 13], ['郭', 11],
  ['何', 15], ['高', 10], ['林', 9], ['罗', 14], ['郑', 8], ['梁', 8], ['谢', 9], ['宋', 7],
  ['唐', 11], ['许', 6], ['韩', 5], ['冯', 6], ['邓', 9], ['曹', 5], ['彭', 8], ['曾', 7],
  ['肖', 7], ['田', 6], ['董', 4], ['袁', 5], ['潘', 3], ['于', 3], ['蒋', 6], ['蔡', 4],
  ['余', 5], ['杜', 5], ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 4], ['沈', 2], ['姚', 2], ['卢', 3], ['姜', 2], ['崔', 2], ['钟', 3], ['谭', 6],
  ['陆', 2], ['汪', 2], ['范', 2], ['金', 2], ['石', 3], ['廖', 4], ['贾', 2], ['夏', 2],
  ['韦', 1], ['付', 3], ['方', 2], ['白', 1], ['邹', 2], ['孟', 1], ['熊', 4], ['秦', 3],
  ['邱', 2], ['江', 2], ['尹', 2], ['薛', 1], ['段', 2], ['雷', 3], ['侯', 1], ['龙', 2],
  ['史', 1], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 1], ['毛', 2], ['郝', 1], ['龚', 2],
  ['邵', 1], ['万', 2], ['冉', 3], ['向', 3], ['牟', 2], ['文', 2], ['况', 1], ['欧阳', 1],
]);

// Given names are built from a leading and a trailing character; the lists lean by sex the way
// naming customs do. Neutral characters only lead, as most of them read oddly alone (李子, 王一).
export const MALE_NAME_CHARACTERS = '伟强军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋磊峰亮成毅航志国建海东川江渝松柏坤锋彬兵';
export const FEMALE_NAME_CHARACTERS = '芳娜敏静丽艳娟霞秀玲燕倩婷雪琳晶颖莉慧佳洁萍琴丹欣悦璐瑶蕾梅兰蓉茜露怡媛薇菲娅莎';
export const NEUTRAL_NAME_CHARACTERS = '文晓建玉春秋云思雨子一嘉家宏立永世小晨新安德仁敬红清泽博诗若梓';

/** Most cadres in Chongqing are Han; Tujia and Miao are the largest minorities in the municipality. */
export const ETHNICITIES = new WeightedTable<string>([
  ['汉族', 930], ['土家族', 40], ['苗族', 14], ['回族', 5], ['满族', 3], ['壮族', 2],
  ['蒙古族', 2], ['彝族', 2], ['藏族', 1], ['侗族', 1],
]);

export interface NativePlace {
  /** 籍贯 as the appointment form writes it: province or municipality, then county or district. */
  name: string;
  /** Division code for the ID number; only Chongqing places have one, as the demo IDs are all issued there. */
  areaCode: string | null;
}

export const NATIVE_PLACES = new WeightedTable<NativePlace>([
  [{ name: '重庆江北', areaCode: '500105' }, 16],
  [{ name: '重庆渝北', areaCode: '500112' }, 8],
  [{ name: '重庆渝中', areaCode: '500103' }, 5],
  [{ name: '重庆沙坪坝', areaCode: '500106' }, 4],
  [{ name: '重庆九龙坡', areaCode: '500107' }, 4],
  [{ name: '重庆南岸', areaCode: '500108' }, 4],
  [{ name: '重庆巴南', areaCode: '500113' }, 4],
  [{ name: '重庆长寿', areaCode: '500115' }, 5],
  [{ name: '重庆合川', areaCode: '500117' }, 5],
  [{ name: '重庆万州', areaCode: '500101' }, 6],
  [{ name: '重庆涪陵', areaCode: '500102' }, 4],
  [{ name: '重庆开州', areaCode: '500154' }, 5],
  [{ name: '重庆垫江', areaCode: '500231' }, 4],
  [{ name: '重庆忠县', areaCode: '500233' }, 3],
  [{ name: '重庆云阳', areaCode: '500235' }, 3],
  [{ name: '重庆奉节', areaCode: '500236' }, 2],
  [{ name: '重庆綦江', areaCode: '500110' }, 3],
  [{ name: '四川广安', areaCode: null }, 4],
  [{ name: '四川南充', areaCode: null }, 3],
  [{ name: '四川达州', areaCode: null }, 3],
  [{ name: '四川遂宁', areaCode: null }, 2],
  [{ name: '四川内江', areaCode: null }, 1],
  [{ name: '四川成都', areaCode: null }, 2],
  [{ name: '湖北宜昌', areaCode: null }, 1],
  [{ name: '湖南常德', areaCode: null }, 1],
  [{ name: '贵州遵义', areaCode: null }, 1],
  [{ name: '山东潍坊', areaCode: null }, 1],
  [{ name: '河南信阳', areaCode: null }, 1],
]);

/** Where Tujia and Miao cadres of Chongqing mostly come from. */
export const MINORITY_NATIVE_PLACES = new WeightedTable<NativePlace>([
  [{ name: '重庆石柱', areaCode: '500240' }, 4],
  [{ name: '重庆秀山', areaCode: '500241' }, 3],
  [{ name: '重庆酉阳', areaCode: '500242' }, 4],
  [{ name: '重庆彭水', areaCode: '500243' }, 3],
  [{ name: '重庆黔江', areaCode: '500114' }, 3],
  [{ name: '湖北恩施', areaCode: null }, 1],
  [{ name: '贵州铜仁', areaCode: null }, 1],
]);

/** 出生地 as the appointment form writes it, with the division code the ID number starts with. */
export interface BirthPlace {
  name: string;
  areaCode: string;
}

/**
 * Where cadres were born who were not born in their native place (籍贯 is the family's origin):
 * mostly the city centre. Their ID numbers carry the code of this birthplace.
 */
export const URBAN_BIRTH_PLACES = new WeightedTable<BirthPlace>([
  [{ name: '重庆江北', areaCode: '500105' }, 6],
  [{ name: '重庆渝北', areaCode: '500112' }, 2],
  [{ name: '重庆渝中', areaCode: '500103' }, 1],
  [{ name: '重庆沙坪坝', areaCode: '500106' }, 1],
  [{ name: '重庆南岸', areaCode: '500108' }, 1],
]);
