/**
 * Deliverable items (papers, patents, software copyrights, links, attestations): the findings on an
 * item that cannot count, what an item looks like (`deliverable_looks.*`, `deliverable_form.*`) and
 * what to give instead (`deliverable_wants.*`). Numbers, hosts and examples stay as offices write them.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  DELIVERABLE_CHECK_DIGIT: {
    en: "the check digit of CN application number {digits} is {expected}, not {written}, so the number is mistyped; copy it from the CNIPA filing receipt (受理通知书) or certificate.",
    zh: "中国专利申请号 {digits} 的校验位应为 {expected}，而不是 {written}，号码有误；请照国家知识产权局的受理通知书或证书抄录。",
  },
  DELIVERABLE_EVIDENCE_UNREADABLE: {
    en: `{variant, select, placeholder {"{text}" is a placeholder; give the DOI, URL or number once there is one, and leave the item out until then.} attestation_empty {the attestation "{text}" says nothing checkable; state what was delivered, where and when.} attested_by_nobody {attested_by "{text}" names nobody; give the person's name and role.} other {"{text}" is not a DOI, URL, patent or software-copyright number; give one of those, or write it as '{' attestation: "…", attested_by: "name, role" '}' so someone answers for it.}}`,
    zh: "{variant, select, placeholder {“{text}” 是占位符；有了 DOI、URL 或编号后再填写，在此之前请删去该条目。} attestation_empty {声明 “{text}” 没有可核查的内容；请写明交付了什么、在哪里、何时交付。} attested_by_nobody {attested_by “{text}” 没有指明任何人；请写明声明人的姓名和职务。} other {“{text}” 不是 DOI、URL、专利号或软件著作权登记号；请给出其中之一，或写成 `'{' attestation: \"…\", attested_by: \"姓名, 职务\" '}'`，由声明人对其负责。}}",
  },
  // --- what an item looks like ---
  "deliverable_looks.number": { en: "a {form}", zh: "{form}" },
  "deliverable_looks.patent_link": { en: "a {host} link to {form}", zh: "指向{form}的 {host} 链接" },
  "deliverable_looks.patent_link_no_number": {
    en: "a {host} link without a patent number",
    zh: "不含专利号的 {host} 链接",
  },
  "deliverable_looks.doi": { en: "a DOI", zh: "DOI" },
  "deliverable_looks.archive_doi": {
    en: "a DOI of a software/data archive (Zenodo, figshare)",
    zh: "软件/数据存档（Zenodo、figshare）的 DOI",
  },
  "deliverable_looks.arxiv": { en: "an arXiv id", zh: "arXiv 编号" },
  "deliverable_looks.paper_link": { en: "a paper link ({host})", zh: "论文链接（{host}）" },
  "deliverable_looks.change_link": {
    en: "a pull request, commit or patch link ({host})",
    zh: "合并请求、提交或补丁链接（{host}）",
  },
  "deliverable_looks.repository_link": { en: "a repository link ({host})", zh: "代码仓库链接（{host}）" },
  "deliverable_looks.link": { en: "a {host} link", zh: "{host} 链接" },
  "deliverable_looks.attestation": { en: "an attestation", zh: "一份声明" },
  "deliverable_looks.attestation_unsaid": {
    en: "an attestation that does not say it is a {kinds}",
    zh: "一份未写明是{kinds}的声明",
  },
  "deliverable_looks.or_a": { en: "{left} or a {right}", zh: "{left}或{right}" },
  // --- patent and software-copyright numbers ---
  "deliverable_form.cn": {
    en: "CN {type} {granted} number {number}",
    zh: "中国{type}{granted, select, patent {专利号} other {专利申请号}} {number}",
  },
  "cn_patent_type.1": { en: "invention", zh: "发明" },
  "cn_patent_type.2": { en: "utility model", zh: "实用新型" },
  "cn_patent_type.3": { en: "design", zh: "外观设计" },
  "cn_patent_type.8": { en: "PCT invention", zh: "进入中国国家阶段的 PCT 发明" },
  "cn_patent_type.9": { en: "PCT utility model", zh: "进入中国国家阶段的 PCT 实用新型" },
  "deliverable_form.number": {
    en: "{office, select, cn_publication {CN publication number} pct {PCT application} wo {WO publication} us {US number} ep {EP number} jp {JP number} other {KR number}} {number}",
    zh: "{office, select, cn_publication {中国专利公布（公告）号} pct {PCT 国际申请号} wo {世界知识产权组织国际公布号} us {美国专利号} ep {欧洲专利号} jp {日本专利号} other {韩国专利号}} {number}",
  },
  "deliverable_form.copyright": {
    en: "software copyright {which, select, registration {registration} other {certificate}} number {number}",
    zh: "软件著作权{which, select, registration {登记号} other {证书号}} {number}",
  },
  // --- what to give for each kind ---
  "deliverable_wants.kind": { en: "{kind}: {wants}", zh: "{kind}：{wants}" },
  "deliverable_wants.or": { en: "{left}; or {right}", zh: "{left}；或{right}" },
  "deliverable_wants.paper": {
    en: "a DOI or paper link (doi.org, arxiv.org, dl.acm.org, ieeexplore, openreview, usenix.org …)",
    zh: "DOI 或论文链接（doi.org、arxiv.org、dl.acm.org、`ieeexplore`、`openreview`、usenix.org …）",
  },
  "deliverable_wants.patent": {
    en: "a patent or application number (ZL202211157877.2, CN115251024A, PCT/CN2024/123456, US 11,234,567 B2 …)",
    zh: "专利号或专利申请号（`ZL202211157877.2`、`CN115251024A`、`PCT/CN2024/123456`、`US 11,234,567 B2` …）",
  },
  "deliverable_wants.software-copyright": {
    en: "a software copyright registration number (2019SR0800812) or certificate number (软著登字第0671096号)",
    zh: "软件著作权登记号（`2019SR0800812`）或证书号（软著登字第0671096号）",
  },
  "deliverable_wants.upstream-pr": {
    en: "a pull/merge request, commit or mailing-list patch link in the upstream project",
    zh: "上游项目中的合并请求、提交或邮件列表补丁链接",
  },
  "deliverable_wants.code": {
    en: "a repository or pull request link, or a Zenodo/figshare DOI",
    zh: "代码仓库或合并请求链接，或 Zenodo/figshare 的 DOI",
  },
  "deliverable_wants.docs": { en: "a link to the documentation", zh: "文档链接" },
  "deliverable_wants.prototype": {
    en: "a repository or a link to the prototype",
    zh: "代码仓库或原型系统链接",
  },
  "deliverable_wants.report": { en: "a link to the report", zh: "报告链接" },
};
