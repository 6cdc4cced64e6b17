/**
 * Findings raised while reading inputs and manifests, by code. A code whose sentence differs by
 * where it is raised selects its variant with the `variant` param the finding stores.
 */
export const messages: Record<string, { en: string; zh: string }> = {
  MANIFEST_ENCODING: {
    en: "The manifest is not UTF-8; save it as UTF-8.",
    zh: "清单文件不是 UTF-8 编码；请另存为 UTF-8。",
  },
  ZIP_EVIDENCE_NOT_FOUND: { en: "evidence.{role}: {resolved}", zh: "evidence.{role}：{resolved}" },
  // EVIDENCE_MEASURED_NOTHING: what "nothing" was in a file (`nothing.*`), and what to submit instead.
  "nothing.requests_failed": {
    en: "none of its {rows} {rows, plural, one {request} other {requests}} succeeded",
    zh: "其 {rows} 个请求全部失败",
  },
  "nothing.requests_zero_time": {
    en: "every successful request has a TTFT and an end-to-end latency of 0",
    zh: "每个成功请求的 TTFT 和端到端延迟都为 0",
  },
  "nothing.summary_none_succeeded": {
    en: "the tool reports {count} = 0: no request succeeded{failed, select, none {} other { ({failed} failed)}}",
    zh: "工具报告 `{count}` = 0：没有一个请求成功{failed, select, none {} other {（{failed} 个失败）}}",
  },
  "nothing.summary_zero_rate": {
    en: "the tool reports 0 completed requests per second",
    zh: "工具报告每秒完成 0 个请求",
  },
  "nothing.summary_zero_latency": {
    en: "every latency statistic the tool reports is 0 (what it writes when no request succeeded)",
    zh: "工具报告的每项延迟统计都为 0（没有请求成功时工具就会这样写）",
  },
  "nothing.zero_duration": {
    en: "the benchmark ran for 0 s (duration = 0)",
    zh: "压测运行时长为 0 s（`duration = 0`）",
  },
  "nothing.memory_unused": {
    en: "no sample has a memory.used value",
    zh: "没有一个采样点有 memory.used 值",
  },
  "nothing.collective_no_rows": { en: "the collective table has no rows", zh: "集合通信结果表没有数据行" },
  "nothing.collective_no_bytes": {
    en: "no row moved any bytes in a measured time (every size or time is 0)",
    zh: "没有一行在测得的时间内传输了数据（每行的消息大小或时间都为 0）",
  },
  "nothing.training_no_time": {
    en: "run_stop is not after run_start, so the run took no time",
    zh: "run_stop 不晚于 run_start，该运行的用时为零",
  },
  "nothing.training_no_iterations": { en: "the training log has no iterations", zh: "训练日志中没有迭代" },
  "nothing.training_no_measure": {
    en: "no iteration has a time or a throughput above 0",
    zh: "没有一个迭代的用时或吞吐量大于 0",
  },
  "nothing.accuracy_no_score": { en: "the results hold no score", zh: "结果中没有得分" },
  "nothing.accuracy_zero_items": {
    en: "every task was scored on 0 items",
    zh: "每个任务都只在 0 个条目上评分",
  },
  "nothing.retrieval_none": {
    en: "the run retrieved no document for any query",
    zh: "该运行没有为任何查询检索到文档",
  },
  "nothing.qrels_none": {
    en: "no document is judged relevant to any query",
    zh: "没有任何文档被标注为与查询相关",
  },
  "nothing.generation_empty": { en: "every prediction is empty", zh: "所有生成结果都为空" },
  "nothing.cost_no_requests": { en: "no scenario served any request", zh: "没有一个场景处理过请求" },
  "nothing_fix.rerun": { en: "Submit the output of a run that completed", zh: "请提交一次完整运行的输出" },
  "nothing_fix.server": {
    en: "Fix the server or the benchmark's arguments until requests succeed, then submit that run",
    zh: "请修复服务端或压测参数，直到请求能够成功，再提交那次运行的结果",
  },
  "nothing_fix.timings": {
    en: "Submit the log the tool wrote with its timings (for vLLM, --save-detailed with streaming on)",
    zh: "请提交工具写出的带计时的日志（vLLM 须开启流式输出并使用 --save-detailed）",
  },
  "nothing_fix.memory": {
    en: "Record memory.used (nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total)",
    zh: "请记录 memory.used（nvidia-smi --query-gpu=timestamp,index,memory.used,memory.total）",
  },
  "nothing_fix.collective_sizes": {
    en: "Run the test over a range of message sizes (-b 8 -e 8G -f 2)",
    zh: "请在一组消息大小上运行测试（-b 8 -e 8G -f 2）",
  },
  "nothing_fix.accuracy_results": {
    en: "Submit the harness's results file of the whole run",
    zh: "请提交评测框架对整次运行写出的结果文件",
  },
  "nothing_fix.accuracy_limit": {
    en: "Run the tasks without --limit 0 and submit that results file",
    zh: "请去掉 --limit 0 重新运行这些任务，并提交其结果文件",
  },
  "nothing_fix.qrels": {
    en: "Submit the qrels with their relevance levels",
    zh: "请提交带相关性等级的相关性标注文件",
  },
  "nothing_fix.generation": {
    en: "Submit the model's outputs of a run that generated text",
    zh: "请提交模型实际生成了文本的那次运行的输出",
  },
  "nothing_fix.cost": {
    en: "Fill in the requests each scenario served",
    zh: "请填写每个场景处理的请求数（`requests`）",
  },
  LATENCY_UNIT_SUSPECT: {
    en: "{column} looks like {unit, select, seconds {seconds} other {microseconds}}, not milliseconds: {evidence}. If so, {fix, select, multiply {multiply the column by 1000} other {divide the column by 1000}} (or let the tool write milliseconds) and submit again; a requirement that reads {column} is not passed on these values unless its claim declares latency_unit: ms.",
    zh: "{column} 的数值看起来以{unit, select, seconds {秒} other {微秒}}而非毫秒为单位：{evidence}。若确实如此，请{fix, select, multiply {将该列乘以 1000} other {将该列除以 1000}}（或让工具直接写出毫秒）后重新提交；除非声明的条件中写明 `latency_unit: ms`，读取 {column} 的要求不会基于这些数值判为通过。",
  },
  "unit_evidence.ttft_below": {
    en: "{below} of {n} successful requests have a TTFT below {limit} ms, faster than any real server answers",
    zh: "{n} 个成功请求中有 {below} 个的 TTFT 低于 {limit} ms，比任何真实服务端的响应都快",
  },
  "unit_evidence.per_token_below": {
    en: "{below} of {n} successful requests took under {limit} ms per output token end to end, over 10,000 tokens/s from one stream",
    zh: "{n} 个成功请求中有 {below} 个的端到端用时折合每个输出 token 不到 {limit} ms，即单条流超过 10,000 tokens/s",
  },
  "unit_evidence.e2e_below": {
    en: "{below} of {n} successful requests have an end-to-end latency below {limit} ms",
    zh: "{n} 个成功请求中有 {below} 个的端到端延迟低于 {limit} ms",
  },
  "unit_evidence.tpot_derived": {
    en: "its end-to-end latencies are in seconds (above), and TPOT is derived from them",
    zh: "其端到端延迟以秒为单位（见上），而 TPOT 由端到端延迟推算",
  },
  "unit_evidence.tpot_above": {
    en: "{above} of {n} successful requests have a TPOT above {limit} ms (a minute a token)",
    zh: "{n} 个成功请求中有 {above} 个的 TPOT 高于 {limit} ms（每个 token 一分钟）",
  },
  "unit_evidence.outcome_below": {
    en: "{below} of {n} items have a latency below {limit} ms, as fast as only data-plane failover switches",
    zh: "{n} 个条目中有 {below} 个的时延低于 {limit} ms，只有数据面快速切换才能这么快",
  },
  "unit_evidence.reported_ttft": {
    en: "the reported median TTFT is {value} ms",
    zh: "报告的 TTFT 中位数为 {value} ms",
  },
  "unit_evidence.reported_tpot": {
    en: "the reported median TPOT is {value} ms",
    zh: "报告的 TPOT 中位数为 {value} ms",
  },
  // MODEL_MISMATCH: a model as its name shows it (the family is a name), and where it is declared.
  "model_desc.family_size": { en: "{family}, {size} B", zh: "`{family}` 系列，{size} B" },
  "model_desc.family": { en: "{family}", zh: "`{family}` 系列" },
  "model_desc.size": { en: "{size} B", zh: "{size} B" },
  "model_desc.unreadable": { en: "family and size not readable", zh: "无法识别系列和规模" },
  "model_source.system": { en: "system.model in claimcheck.yaml", zh: "claimcheck.yaml 中的 system.model" },
  "model_plainly.no_row": { en: "none of its rows is", zh: "models.csv 中没有一行是该模型" },
  "model_plainly.no_row_plainly": { en: "no row is plainly", zh: "models.csv 中没有一行明确是该模型" },
  // The line that stands for the findings of one code over the reader's limit (any code).
  "finding.more_rows": {
    en: "{more} more rows have the same problem ({count} in all); only the first {limit} are listed.",
    zh: "另有 {more} 行存在同样的问题（共 {count} 行）；只列出前 {limit} 行。",
  },
};
