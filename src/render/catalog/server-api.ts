/**
 * Sentences of the server's access, publication, session and hardening answers, and of the YAML depth
 * finding, in English and Chinese (ICU MessageFormat; `{name}` interpolates a parameter).
 */
export const messages: Record<string, { en: string; zh: string }> = {
  MANIFEST_YAML_TOO_DEEP: {
    en: "{path} nests more than {max} levels deep by line {line}; a {what} needs a few. Remove the extra brackets or indentation (see {schema}).",
    zh: "{path} 在第 {line} 行嵌套超过 {max} 层；{what}只需要几层。请删除多余的括号或缩进（参见 {schema}）。",
  },
  TOPIC_YAML_TOO_DEEP: {
    en: "{path} nests more than {max} levels deep by line {line}; a {what} needs a few. Remove the extra brackets or indentation (see {schema}).",
    zh: "{path} 在第 {line} 行嵌套超过 {max} 层；{what}只需要几层。请删除多余的括号或缩进（参见 {schema}）。",
  },
  "server.quota_exceeded": {
    en: 'Team "{team}" has started {limit, plural, one {# upload} other {# uploads}} in the last hour, the server\'s limit; try again in {seconds} s.',
    zh: "团队“{team}”在过去一小时内已发起 {limit} 次上传，达到服务器上限；请在 {seconds} 秒后重试。",
  },
  "server.too_many_parts": {
    en: "The upload has more than {max} multipart parts; send the topic, one file per evidence role and its format, or one zipped submission.",
    zh: "上传的 multipart 部分超过 {max} 个；请只发送课题、每个证据角色一个文件及其格式，或一个 zip 提交包。",
  },
  "server.no_boundary": {
    en: "The multipart body has no boundary; send it with curl -F or a browser form.",
    zh: "multipart 请求体缺少 boundary；请用 curl -F 或浏览器表单发送。",
  },
  "server.not_visible": {
    en: 'No submission "{id}" that you may read; a submission is visible to its team and to officers until an officer publishes its topic.',
    zh: "没有您可查看的提交“{id}”；在项目官员发布该课题结果之前，提交仅对本团队和项目官员可见。",
  },
  "server.summary_only": {
    en: "Only the verdicts and measured values of submission {id} are published; GET /api/submissions/{id} shows them.",
    zh: "提交 {id} 仅公开了结论和实测值；请用 GET /api/submissions/{id} 查看。",
  },
  "server.not_published": {
    en: "Topic {topic}'s results are not published yet.",
    zh: "课题 {topic} 的结果尚未发布。",
  },
  "server.public_latest": {
    en: "This server runs with --public latest: every team's latest submission is already public.",
    zh: "本服务器以 --public latest 运行：每个团队的最新提交已经公开。",
  },
  "server.publish_request": {
    // ICU reads braces as arguments: a literal JSON object is quoted with apostrophes.
    en: 'Send JSON \'{"select": "chosen" | "latest", "deadline"?: "<ISO 8601 time>", "full"?: false}\' ({issue}).',
    zh: '请发送 JSON \'{"select": "chosen" | "latest", "deadline"?: "<ISO 8601 时间>", "full"?: false}\'（{issue}）。',
  },
  "server.deadline_with_chosen": {
    en: 'A deadline goes with "select": "latest"; chosen submissions are taken as chosen.',
    zh: '截止时间只能与 "select": "latest" 一起使用；选定的提交按选定结果发布。',
  },
  "server.choice_own_only": {
    en: "A team chooses one of its own submissions, with its team token or session.",
    zh: "团队只能用本团队的令牌或会话选定本团队的提交。",
  },
  "server.officer_only": {
    en: "Only a program officer's token can do this (waive a requirement, publish a topic): claimcheck token create --officer.",
    zh: "只有项目官员的令牌可以执行此操作（豁免要求、发布课题）：claimcheck token create --officer。",
  },
  "server.session_request": {
    en: 'Send JSON \'{"token": "<token>"}\' with content-type application/json.',
    zh: '请以 content-type application/json 发送 JSON \'{"token": "<令牌>"}\'。',
  },
  "server.session_unknown_token": {
    en: "That token is not known; ask the program office for your team's token.",
    zh: "该令牌无效；请向项目办公室索取本团队的令牌。",
  },
  "label.public_decision": {
    en: "results public once an officer publishes them",
    zh: "结果经项目官员发布后公开",
  },
  "label.public_latest": {
    en: "each team's latest result is public",
    zh: "每个团队的最新结果公开",
  },
};
