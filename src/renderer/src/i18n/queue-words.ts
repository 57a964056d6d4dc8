import type { Words } from './words';

/**
 * The work lists' tabs, filters and counts in words, kept apart so each area's strings can grow on
 * their own; `en` must match the Chinese shape (checked by the compiler).
 */
export const queueZhCN = {
  tab: '{{name}} {{count}}',
  search: '在本列表中搜索（编号、电话、地址、描述，支持单字）',
  filters: '筛选',
  filtersOn: '筛选（{{count}}）',
  category: '分类',
  district: '区',
  unit: '承办单位',
  status: '状态',
  clock: '时限',
  clocks: { all: '全部', overdue: '已超时', at_risk: '即将超时' },
  mine: '只看我登记或办理过的',
  clear: '清除筛选',
  loading: '正在加载…',
  total: '共 {{count}} 张',
  filtered: '筛选出 {{count}} 张，共 {{total}} 张',
  keys: '↑↓ 选择 · PgUp/PgDn 翻页 · Home/End 首尾 · 回车打开',
};

export const queueEn: Words<typeof queueZhCN> = {
  tab: '{{name}} {{count}}',
  search: 'Search this list (number, phone, address, text; single characters work)',
  filters: 'Filters',
  filtersOn: 'Filters ({{count}})',
  category: 'Category',
  district: 'District',
  unit: 'Handling unit',
  status: 'Status',
  clock: 'Time limit',
  clocks: { all: 'All', overdue: 'Overdue', at_risk: 'At risk' },
  mine: 'Only tickets I registered or worked on',
  clear: 'Clear filters',
  loading: 'Loading…',
  total: '{{count}} tickets',
  filtered: '{{count}} of {{total}} tickets match',
  keys: '↑↓ move · PgUp/PgDn page · Home/End ends · Enter opens',
};
