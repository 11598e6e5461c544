/** The product's own messages in Chinese; react-admin's are added in index.ts. */
const common = { id: '编号', version: '版本', createdAt: '创建时间', updatedAt: '更新时间', name: '名称', nameEn: '英文名称', q: '搜索' };
/** 有效期和分时段版本的单位所共有的字段。 */
const dated = {
  asOf: '查看日期', validOnAsOf: '当日有效', validFrom: '生效日期', validUntil: '失效日期（最后一天）',
  versionFrom: '起', versionUntil: '止（最后一天）', history: '历次版本', includeEnded: '含已撤销',
};

export const app = {
  cg: {
    app: '社区网格',
    menu: { coverage: '岗位覆盖', structure: '组织结构', tokens: '我的 API 令牌' },
    auth: {
      bad_credentials: '用户名或密码错误',
      too_many_attempts: '登录失败次数过多，请稍后再试',
      signed_out: '请先登录',
    },
    accounts: {
      reset_password: '重置密码', password_reset: '密码已更改，该账户已在所有设备上退出',
      tokens: '该账户的 API 令牌', no_tokens: '该账户没有 API 令牌。',
      tokens_explain: '更改角色、社区、网格或工作人员档案，重置密码或停用账户，都会撤销全部令牌。',
    },
    tokens: {
      title: '我的 API 令牌', explain: '脚本以 "Authorization: Bearer …" 发送令牌，并以您的角色和范围执行。令牌只在创建时显示一次。',
      name: '名称', days: '有效期（天）', create: '创建令牌', shown_once: '请立即复制，之后不会再显示：',
      prefix: '开头', created: '创建于', expires: '到期', last_used: '最近使用', revoked: '已撤销', revoke: '撤销',
    },
    reveal: { button: '显示完整身份证号和电话（将被记录）' },
    age_band: { value: '%{from}–%{until}年生（%{min}–%{max}岁）' },
    as_of: {
      label: '查看日期', today: '今天', not_valid: '该日不在有效期内：显示最接近的版本',
      read_as_of: '按 %{day} 显示：版本自 %{from} 至 %{until}',
    },
    dated: {
      validity: '有效期', valid_range: '自 %{from} 至 %{until}', still_valid: '至今有效', history: '历次版本',
      lineage: '沿革', valid_from_help: '生效的第一天；留空为今天',
      correction: '保存将直接更正 %{from} 至 %{until} 的版本，不产生历史记录。如需记录自某日起的迁移或变更，请在记录页面使用“迁移 / 自某日起变更”。',
    },
    commands: {
      change: '迁移 / 自某日起变更', change_title: '迁移或自某日起变更',
      change_explain: '记录自生效日期起的变更（可以是将来的日期）；此前各日的情况保持不变。如为更正错误，请使用“编辑”。',
      end: '撤销', end_title: '撤销该单位', end_explain: '最后一天为该单位有效的最后一天；不删除任何记录，历史保留。',
      effectiveOn: '生效日期', lastDay: '最后一天', preview: '预览', apply: '执行',
      preview_title: '预览：将产生 %{smart_count} 项变更，尚未保存 |||| 预览：将产生 %{smart_count} 项变更，尚未保存',
      applied: '已完成：记录了 %{smart_count} 项变更 |||| 已完成：记录了 %{smart_count} 项变更',
      nothing_changed: '除日期外，请至少修改一项',
    },
    history: { title: '变更记录' },
    staffing: {
      posts: '岗位', post: '岗位', kind: '类型', holder_a: 'A 岗', holder_b: 'B 岗', vacant: '空缺', coordinator: '社区负责人',
      assign: '任命', end: '结束', move: '调整', from_until: '%{from} – %{until}', open_end: '至今',
      assign_title: '任命岗位人员：%{post}', end_title: '结束任职：%{post}', move_title: '调整任职：%{post}',
      assign_explain: '此人自首日起担任该席位（可以是将来的日期）。同一时间两名 A 岗（或两名 B 岗），或一人同时担任 A 岗和 B 岗，均会被拒绝。',
      end_explain: '最后一天是此人担任该岗位的最后一天；过去的记录保持不变。',
      move_explain: '自生效日起，此人改任另一岗位或席位，或交由他人接任；此前的任职于前一天结束。',
      staffMemberId: '人员', slot: '席位', postId: '岗位', validFrom: '首日', validUntil: '最后一天（留空：不设结束）',
      effectiveOn: '生效日期', lastDay: '最后一天', hand_over_to: '交由（可选）',
      assignments: '担任岗位', grid_assignments: '负责网格', absences: '缺勤', add_absence: '登记缺勤',
      nothing: '无', community: '社区', grid: '网格', day: '日期', who: '人员',
    },
    grid_members: {
      title: '网格员', add: '添加网格员', assign_to_grid: '分配到网格', staffed: '两名网格员：无缺口',
      assign_title: '分配网格员', end_title: '结束网格员任职', move_title: '将网格员调至另一网格',
      assign_explain: '此人自首日起负责该网格（可以是将来的日期）。每个网格需要两名网格员；一人同时负责的网格数有上限。',
      end_explain: '最后一天是此人负责该网格的最后一天；过去的记录保持不变。',
      move_explain: '自生效日起，此人改为负责另一网格；此前的任职于前一天结束。',
    },
    templates: {
      template: '模板', adopt: '采用模板', open_posts: '开设缺少的岗位',
      follows: '自 %{from} 起采用%{template}', none: '当天未采用岗位模板',
      adopt_title: '采用岗位模板',
      adopt_explain: '自生效日起，社区采用该模板（可以是将来的日期）；此前的模板于前一天结束，并开设模板所需的岗位。',
    },
    coverage: {
      title: '专职岗位覆盖情况', explain: '各社区专职岗位在所选日期的情况。点击空缺的格子即可任命人员。',
      community: '社区',
    },
    duty: {
      title: '值班表', week_of: '%{day} 起一周', previous: '上一周', next: '下一周', this_week: '本周',
      covering: '%{name}（%{slot}）', gap: '缺岗', conflict: '冲突', double_duty: '%{name} 同时需在两个岗位', away: '缺勤',
      legend_gap: '无人值班', legend_conflict: '一名 B 岗同时需在两个岗位', legend_b: 'B 岗顶岗',
    },
    gaps: {
      title: '未来 14 天的人员缺口', none: '未来 14 天没有缺口。', days: '%{from} – %{until}',
      count: '%{smart_count} 天', members: '%{smart_count} 名成员',
    },
    dashboard: {
      title: '城东区概况',
      communities: '社区', grids: '网格', households: '住户', residents: '居民', staff: '工作人员',
      residents_per_community: '各社区居民人数',
    },
    structure: {
      title: '辖区结构', search: '查找街道办事处、社区或网格', counts: '%{households} 户 · %{residents} 人',
      open: '打开', expand_all: '全部展开', collapse_all: '全部收起', nothing: '没有匹配的结果',
    },
    errors: {
      overlap: '被拒绝：不得重叠的两个时段将会重叠（例如同一天使用相同编码）',
      later_change: '被拒绝：已有更晚的变更；请自该日起变更，或先撤回它',
      invalid: '部分字段填写有误，请查看表单上的提示',
      stale: '在您打开此记录后，已有其他人保存了修改。请重新加载查看，然后再次提交您的修改。',
      not_found: '该记录已不存在',
      forbidden: '您的角色无权执行此操作',
    },
    validation: {
      role_code: '大写字母、数字和下划线，以大写字母开头（如 PARTY_LIAISON）',
      last_day_before_first: '最后一天不能早于首日',
      phone: '请输入11位手机号或带区号的固定电话，如 0971-1234567',
      resident_id: '身份证号无效（应为18位且校验码正确）',
      json: '请输入有效的 JSON',
    },
    fields: { overview: '概况', counts: '统计', children: '下属' },
    enums: {
      Gender: { MALE: '男', FEMALE: '女' },
      RegistrationType: { REGISTERED: '户籍', FLOATING: '流动' },
      ServiceWindowKind: { COMPREHENSIVE: '综合服务窗口', INTERMEDIARY: '代办服务窗口' },
      RelationToHead: { HEAD: '户主', SPOUSE: '配偶', CHILD: '子女', PARENT: '父母', GRANDCHILD: '孙子女', GRANDPARENT: '祖父母', SIBLING: '兄弟姐妹', OTHER: '其他' },
      ResidentTag: { ELDERLY_ALONE: '独居老人', DISABLED: '残疾人', LOW_INCOME: '低收入', VETERAN: '退役军人', LEFT_BEHIND_CHILD: '留守儿童' },
      Active: { true: '在岗', false: '离岗' },
      Role: { DISTRICT_ADMIN: '区级管理员', DISTRICT_OFFICIAL: '区级干部', COMMUNITY_COORDINATOR: '社区协调员', GRID_MEMBER: '网格员', WINDOW_STAFF: '窗口人员', REPORT_BUILDER: '报表人员' },
      AbsenceReason: { LEAVE: '休假', TRAINING: '培训', FIELD_WORK: '外勤', SICK: '病假' },
      PostSlot: { A: 'A 岗（负责）', B: 'B 岗（替补）' },
      PostKind: { COORDINATOR: '社区负责人', SPECIALIST: '专职岗位', WINDOW: '服务窗口' },
      RoleCoverageStatus: { FILLED: '在岗', COVERED_BY_B: 'B 岗顶岗', VACANT: '空缺', NOT_REQUIRED: '无需设置' },
      DutyGapKind: { POST_UNCOVERED: '无人值班', DOUBLE_DUTY: 'B 岗同时需在两个岗位', GRID_UNDERSTAFFED: '网格不足两人', GRID_OVERSTAFFED: '网格超过两人', GRID_MEMBER_UNAVAILABLE: '网格员无法到岗' },
      AuditOperation: { CREATE: '新建', UPDATE: '修改', DELETE: '删除', REVEAL: '查看个人信息', LOOKUP: '按个人信息查找' },
    },
  },
  resources: {
    specialistRoles: { name: '专职岗位角色', fields: { ...common, ...dated, code: '代码', description: '说明' } },
    staffingTemplates: { name: '岗位模板', fields: { ...common, code: '代码', description: '说明', roles: '所需岗位' } },
    absences: { name: '缺勤', fields: { ...common, ...dated, staffMemberId: '工作人员', reason: '原因', validFrom: '首日', validUntil: '最后一天', note: '备注' } },
    districts: { name: '城区', fields: { ...common, code: '行政区划代码', city: '城市', communityCount: '社区数', gridCount: '网格数', householdCount: '户数', residentCount: '人数' } },
    offices: { name: '街道办事处', fields: { ...common, ...dated, districtId: '城区', successorCommunities: '承接社区', communities: '下辖社区' } },
    communities: {
      name: '社区',
      fields: { ...common, ...dated, districtId: '城区', code: '编码', officeId: '街道办事处', address: '地址', phone: '电话', predecessorOfficeIds: '原街道办事处', predecessorOffices: '原街道办事处', predecessorCommunityIds: '原社区', predecessorCommunities: '原社区', successorCommunities: '承接社区', gridCount: '网格数', householdCount: '户数', residentCount: '人数', grids: '网格', serviceWindows: '服务窗口', staffMembers: '工作人员' },
    },
    serviceWindows: { name: '服务窗口', fields: { ...common, communityId: '社区', kind: '类型', openingHours: '办公时间' } },
    grids: { name: '网格', fields: { ...common, ...dated, communityId: '社区', code: '编码', boundary: '边界 (GeoJSON)', householdCount: '户数', residentCount: '人数', households: '住户' } },
    households: { name: '住户', fields: { ...common, ...dated, gridId: '网格', communityId: '社区', address: '地址', address_contains: '地址包含', registrationType: '户籍类型', headResidentId: '户主', residentCount: '人数', residents: '居民' } },
    residents: {
      name: '居民',
      fields: { ...common, ...dated, name: '姓名', householdId: '住户', gridId: '网格', communityId: '社区', gender: '性别', birthDate: '出生日期', birthDate_gte: '出生不早于', birthDate_lte: '出生不晚于', ageBand: '年龄段', ageBand_gte: '出生年段自', ageBand_lte: '出生年段至', idNumber: '身份证号', idNumber_lookup: '按身份证号查找', phone_lookup: '按电话查找', lookup_help: '完整号码或后4位（将被记录）', phone: '电话', relationToHead: '与户主关系', tags: '标签' },
    },
    accounts: { name: '账户', fields: { ...common, username: '用户名', password: '密码', displayName: '显示名称', role: '角色', communityIds: '社区', gridIds: '网格', staffMemberId: '工作人员档案', disabled: '已停用' } },
    auditEvents: { name: '审计记录', fields: { ...common, occurredAt: '时间', actorId: '操作人', actorName: '操作人', operation: '操作', entityType: '记录类型', entityId: '记录', changes: '变更' } },
    staffMembers: { name: '工作人员', fields: { ...common, name: '姓名', phone: '电话', homeCommunityId: '所属社区', active: '在岗' } },
  },
};
