"""Writes the hand-made serving-benchmark fixtures in this folder.

Each fixture is written by the same serializer and in the same key order as the tool's own code
(cited per function), with per-request values made up here and every summary number computed from
them the way the tool computes it (numpy percentile "linear", np.std with ddof 0; pandas quantile
"linear" and std ddof 1 for LLMPerf). Run: python3 tests/formats/data/make-serving-fixtures.py
"""

import csv
import json
from pathlib import Path

import numpy as np

HERE = Path(__file__).parent


def vllm_detailed():
    """vllm/benchmarks/serve.py @ 009e6d4a: main_async() result_json + benchmark() result, then
    process_one_metric() per metric; written with json.dump(result_json, outfile) (one line).
    Run: vllm bench serve --save-detailed --percentile-metrics ttft,tpot,itl,e2el
    --metric-percentiles 50,90,99 --max-concurrency 4 --request-rate 2 --num-prompts 6 --metadata tp=1
    """
    ttfts = [0.0412, 0.0385, 0.0, 0.0520, 0.0601, 0.0450]
    itls = [[0.0121, 0.0118, 0.0125, 0.0119], [0.0130, 0.0127, 0.0122], [], [0.0240, 0.0236], [], [0.0118] * 6]
    errors = ["", "", "Bad Request", "", "", ""]
    success = [e == "" for e in errors]
    output_lens = [5, 4, 0, 7, 1, 7]  # server usage.completion_tokens; 0 for the failed request
    input_lens = [128, 130, 128, 126, 131, 127]
    latencies = [t + sum(g) if ok else 0.0 for t, g, ok in zip(ttfts, itls, success)]
    start_times = [5021.1143, 5021.6021, 5022.0547, 5022.4410, 5023.0982, 5023.3305]
    queue_times = [0.0, 0.0, 0.0, 0.0004, 0.0, 0.0011]
    duration = 2.61
    ok = [i for i in range(6) if success[i]]
    completed = len(ok)
    total_input = sum(input_lens[i] for i in ok)
    total_output = sum(output_lens)
    tpots = [(latencies[i] - ttfts[i]) / (output_lens[i] - 1) for i in ok if output_lens[i] > 1]
    pooled_itls = [x for i in ok for x in itls[i]]
    result = {
        "date": "20260812-101500", "endpoint_type": "openai-chat", "backend": "openai-chat", "label": None,
        "model_id": "Qwen/Qwen3-8B", "tokenizer_id": "Qwen/Qwen3-8B", "num_prompts": 6, "tp": "1",
        "request_rate": 2.0, "burstiness": 1.0, "max_concurrency": 4,
        "duration": duration, "completed": completed, "failed": 6 - completed,
        "total_input_tokens": total_input, "total_output_tokens": total_output,
        "request_throughput": completed / duration, "request_goodput": None,
        "output_throughput": total_output / duration, "total_token_throughput": (total_input + total_output) / duration,
        "input_lens": input_lens, "output_lens": output_lens, "ttfts": ttfts, "itls": itls, "latencies": latencies,
        "start_times": start_times, "queue_times": queue_times,
        "generated_texts": ["The cat sat", "Hello there", "", "Paris is the capital", "Yes", "One two three four"],
        "errors": errors, "max_output_tokens_per_s": 24.0, "max_concurrent_requests": 2, "rtfx": 0.0,
    }
    add_numpy_stats(result, "ttft", [ttfts[i] for i in ok], [50, 90, 99])
    add_numpy_stats(result, "tpot", tpots, [50, 90, 99])
    add_numpy_stats(result, "itl", pooled_itls, [50, 90, 99])
    add_numpy_stats(result, "e2el", [latencies[i] for i in ok], [50, 90, 99])
    add_numpy_stats(result, "client_queue_time", [queue_times[i] for i in ok], [50, 90, 99])
    add_numpy_stats(result, "e2el_including_client_queue", [latencies[i] + queue_times[i] for i in ok], [50, 90, 99])
    with open(HERE / "vllm-bench-detailed.json", "w", encoding="utf-8") as f:
        json.dump(result, f)


def add_numpy_stats(result, name, values, percentiles):
    result[f"mean_{name}_ms"] = float(np.mean(values or 0) * 1000)
    result[f"median_{name}_ms"] = float(np.median(values or 0) * 1000)
    result[f"std_{name}_ms"] = float(np.std(values or 0) * 1000)
    for p in percentiles:
        result[f"p{p}_{name}_ms"] = float(np.percentile(values or 0, p) * 1000)


def sglang_jsonl():
    """python/sglang/bench_serving.py @ 0033168f: benchmark() result dict (+ result_details with
    --output-details), appended as json.dumps(result) + "\\n". Two invocations appended to one file:
    line 1 --request-rate inf (json writes bare Infinity) without details, line 2 --request-rate 4
    --output-details. OpenAI backend: latency is taken at the last SSE line incl. [DONE], so it is
    a little longer than ttft + sum(itl).
    """
    lines = [sglang_run(float("inf"), details=False, seed=1), sglang_run(4.0, details=True, seed=2)]
    with open(HERE / "sglang-bench.jsonl", "w", encoding="utf-8") as f:
        for run in lines:
            f.write(json.dumps(run) + "\n")


def sglang_run(rate, details, seed):
    rng = np.random.default_rng(seed)
    n = 5
    ttfts = [round(float(x), 4) for x in rng.uniform(0.03, 0.09, n)]
    itls = [[round(float(x), 4) for x in rng.uniform(0.009, 0.014, k)] for k in (6, 4, 0, 5, 7)]
    errors = ["", "", "Traceback (most recent call last):\n  ...\naiohttp.ClientConnectionError\n", "", ""]
    success = [e == "" for e in errors]
    ttfts = [t if ok else 0.0 for t, ok in zip(ttfts, success)]  # the connection failed before any chunk
    done_delay = 0.0004  # the [DONE] line arrives after the last content chunk
    latencies = [t + sum(g) + done_delay if ok else 0.0 for t, g, ok in zip(ttfts, itls, success)]
    output_lens = [len(g) + 1 if ok else 0 for g, ok in zip(itls, success)]
    input_lens = [256, 240, 251, 260, 249]
    duration = 1.84
    ok = [i for i in range(n) if success[i]]
    total_input = sum(input_lens[i] for i in ok)
    total_output = sum(output_lens)
    tpots = [(latencies[i] - ttfts[i]) / (output_lens[i] - 1) for i in ok if output_lens[i] > 1]
    pooled = [x for i in ok for x in itls[i]]
    e2e = [latencies[i] for i in ok]
    ms = lambda f, v, *a: float(f(v, *a) * 1000)  # noqa: E731
    result = {
        "backend": "sglang-oai", "dataset_name": "random", "request_rate": rate, "max_concurrency": None,
        "sharegpt_output_len": None, "random_input_len": 256, "random_output_len": 8, "random_range_ratio": 0.0,
        "duration": duration, "completed": len(ok), "total_input_tokens": total_input,
        "total_output_tokens": total_output, "total_output_tokens_retokenized": total_output,
        "request_throughput": len(ok) / duration, "input_throughput": total_input / duration,
        "output_throughput": total_output / duration,
        "mean_e2e_latency_ms": ms(np.mean, e2e), "median_e2e_latency_ms": ms(np.median, e2e),
        "std_e2e_latency_ms": ms(np.std, e2e), "p99_e2e_latency_ms": ms(np.percentile, e2e, 99),
        "mean_ttft_ms": ms(np.mean, [ttfts[i] for i in ok]), "median_ttft_ms": ms(np.median, [ttfts[i] for i in ok]),
        "std_ttft_ms": ms(np.std, [ttfts[i] for i in ok]), "p99_ttft_ms": ms(np.percentile, [ttfts[i] for i in ok], 99),
        "mean_tpot_ms": ms(np.mean, tpots), "median_tpot_ms": ms(np.median, tpots),
        "std_tpot_ms": ms(np.std, tpots), "p99_tpot_ms": ms(np.percentile, tpots, 99),
        "mean_itl_ms": ms(np.mean, pooled), "median_itl_ms": ms(np.median, pooled), "std_itl_ms": ms(np.std, pooled),
        "p95_itl_ms": ms(np.percentile, pooled, 95), "p99_itl_ms": ms(np.percentile, pooled, 99),
        "concurrency": float(np.sum(e2e) / duration), "accept_length": None,
    }
    if details:
        result |= {"input_lens": input_lens, "output_lens": output_lens, "ttfts": ttfts, "itls": itls,
                   "generated_texts": ["a b c d e f g", "h i j k l", "", "m n o p q r", "s t u v w x y z"],
                   "errors": errors}
    return result


def genai_perf_requests():
    """Made-up per-request values in ns, as GenAI-Perf's LLMProfileDataParser collects them."""
    ttft = np.array([1146.3, 249.5, 3485.2, 640.1, 1330.9, 286.5, 902.4, 455.0, 2210.7, 760.3]) * 1e6
    ttst = np.array([26.1, 0.0, 133.5, 33.6, 34.4, 1.8, 30.2, 29.9, 35.0, 31.1]) * 1e6
    osl = np.array([174, 164, 187, 171, 180, 169, 176, 172, 183, 170])
    itl = np.array([30.35, 27.59, 35.60, 29.04, 31.05, 30.13, 28.80, 29.70, 33.10, 30.00]) * 1e6
    latency = ttft + itl * (osl - 1)
    isl = np.array([3000, 2999, 3001, 3000, 3000, 3001, 3000, 2999, 3000, 3001])
    return {"ttft": ttft, "ttst": ttst, "osl": osl, "itl": itl, "latency": latency, "isl": isl,
            "per_user": osl / (latency / 1e9), "duration_s": 9.5}


def genai_perf_csv():
    """genai_perf/export_data/csv_exporter.py (request table, empty row, Metric,Value table), with the
    newest header and labels listed in serving-formats.md 3.1: csv.writer (CRLF), f"{v:,.2f}" for the
    request table, f"{v:.2f}" for system metrics. Per-request values (ns) made up, stats as
    genai_perf/metrics/statistics.py: np.mean/min/max/percentile, scaled ns -> ms.
    """
    d = genai_perf_requests()
    ttft, ttst, osl, itl, latency, isl, per_user, duration_s = (d[k] for k in ["ttft", "ttst", "osl", "itl", "latency", "isl", "per_user", "duration_s"])
    stats = ["avg", "min", "max", "p99", "p95", "p90", "p75", "p50", "p25", "p10", "p5", "p1"]

    def row(label, values, scale):
        values = values * scale
        funcs = {"avg": np.mean, "min": np.min, "max": np.max}
        cells = [funcs[s](values) if s in funcs else np.percentile(values, int(s[1:])) for s in stats]
        return [label] + [f"{v:,.2f}" for v in cells]

    with open(HERE / "genai-perf-profile_export_genai_perf.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["Metric"] + stats)
        w.writerow(row("Time To First Token (ms)", ttft, 1e-6))
        w.writerow(row("Time To Second Token (ms)", ttst, 1e-6))
        w.writerow(row("Request Latency (ms)", latency, 1e-6))
        w.writerow(row("Inter Token Latency (ms)", itl, 1e-6))
        w.writerow(row("Output Token Throughput Per User (tokens/sec/user)", per_user, 1))
        w.writerow(row("Output Sequence Length (tokens)", osl.astype(float), 1))
        w.writerow(row("Input Sequence Length (tokens)", isl.astype(float), 1))
        w.writerow([])
        w.writerow(["Metric", "Value"])
        w.writerow(["Output Token Throughput (tokens/sec)", f"{osl.sum() / duration_s:.2f}"])
        w.writerow(["Request Throughput (per sec)", f"{len(osl) / duration_s:.2f}"])
        w.writerow(["Request Count (count)", f"{len(osl):.2f}"])


def llmperf():
    """ray-project/llmperf @ f1d6bed: openai_chat_completions_client.py metrics dict (key order),
    token_benchmark_ray.py get_token_throughput_latencies() / metrics_summary() / run_token_benchmark()
    (json.dump indent=4; summary with default=str, so numpy int64 min/max become strings) and
    utils.py LLMPerfResults.to_dict() + flatten_dict().
    """
    ttft = [0.2113, 0.1987, 0.0, 0.2432, 0.2051]
    e2e = [1.0568, 0.9871, 0.0, 1.2240, 1.1105]
    n_out = [105, 98, 0, 121, 110]
    n_in = [131, 128, 140, 133, 129]
    last_content = [t - 0.0002 for t in e2e]  # sum(time_to_next_token) ends at the last content chunk
    errors = [None, None, 500, None, None]
    responses = []
    for i in range(5):
        responses.append({
            "error_code": errors[i],
            "error_msg": "" if errors[i] is None else "Internal Server Error",
            "inter_token_latency_s": last_content[i] / n_out[i] if n_out[i] else 0,
            "ttft_s": ttft[i],
            "end_to_end_latency_s": e2e[i],
            "request_output_throughput_token_per_s": n_out[i] / e2e[i] if e2e[i] > 0 else 0,
            "number_total_tokens": n_in[i] + n_out[i],
            "number_output_tokens": n_out[i],
            "number_input_tokens": n_in[i],
        })
    with open(HERE / "llmperf-individual_responses.json", "w", encoding="utf-8") as f:
        json.dump(responses, f, indent=4)

    ok = [r for r in responses if r["error_code"] is None]
    summary = {"version": "2023-08-31", "name": "Qwen-Qwen3-8B_550_150_summary", "model": "Qwen/Qwen3-8B",
               "mean_input_tokens": 550, "stddev_input_tokens": 150, "mean_output_tokens": 150,
               "stddev_output_tokens": 10, "num_concurrent_requests": 2}
    for key in ["inter_token_latency_s", "ttft_s", "end_to_end_latency_s", "request_output_throughput_token_per_s",
                "number_input_tokens", "number_output_tokens"]:
        values = np.array([r[key] for r in ok])
        for q in [25, 50, 75, 90, 95, 99]:
            summary[f"results_{key}_quantiles_p{q}"] = float(np.percentile(values, q))
        summary[f"results_{key}_mean"] = float(values.mean())
        as_written = (lambda v: str(v)) if values.dtype.kind == "i" else float  # json default=str on np.int64
        summary[f"results_{key}_min"] = as_written(values.min())
        summary[f"results_{key}_max"] = as_written(values.max())
        summary[f"results_{key}_stddev"] = float(values.std(ddof=1))
    wall = 4.2
    summary |= {"results_num_requests_started": 5, "results_error_rate": 0.2, "results_number_errors": 1,
                "results_error_code_frequency": "{500.0: 1}",
                "results_mean_output_throughput_token_per_s": sum(r["number_output_tokens"] for r in ok) / wall,
                "results_num_completed_requests": len(ok),
                "results_num_completed_requests_per_min": len(ok) / wall * 60, "timestamp": 1786000000}
    with open(HERE / "llmperf-summary.json", "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=4, default=str)


def genai_perf_json():
    """profile_export_genai_perf.json: genai_perf/export_data/json_exporter.py writes the stats dict
    plus "input_config" (the CLI arguments) with json.dump(indent=2); per metric the fields listed in
    serving-formats.md 3.1 (unit, avg, p1 ... p99, min, max, std; system metrics only unit + avg).
    Same per-request values as genai_perf_csv(), time values scaled ns -> ms.
    """
    d = genai_perf_requests()
    data = {}
    for name, values, unit in [("time_to_first_token", d["ttft"] / 1e6, "ms"), ("time_to_second_token", d["ttst"] / 1e6, "ms"),
                               ("request_latency", d["latency"] / 1e6, "ms"), ("inter_token_latency", d["itl"] / 1e6, "ms"),
                               ("output_token_throughput_per_user", d["per_user"], "tokens/sec/user"),
                               ("output_sequence_length", d["osl"].astype(float), "tokens"),
                               ("input_sequence_length", d["isl"].astype(float), "tokens")]:
        entry = {"unit": unit, "avg": float(np.mean(values))}
        for p in [1, 5, 10, 25, 50, 75, 90, 95, 99]:
            entry[f"p{p}"] = float(np.percentile(values, p))
        entry |= {"min": float(np.min(values)), "max": float(np.max(values)), "std": float(np.std(values))}
        data[name] = entry
    data["request_throughput"] = {"unit": "requests/sec", "avg": len(d["osl"]) / d["duration_s"]}
    data["request_count"] = {"unit": "count", "avg": len(d["osl"])}
    data["output_token_throughput"] = {"unit": "tokens/sec", "avg": float(d["osl"].sum() / d["duration_s"])}
    data["input_config"] = {"model": ["Qwen/Qwen3-8B"], "backend": "tensorrtllm", "endpoint": None, "endpoint_type": "chat",
                            "service_kind": "openai", "streaming": True, "u": "localhost:8000", "concurrency": 8,
                            "request_rate": None, "measurement_interval": 10000, "num_prompts": 10, "tokenizer": "Qwen/Qwen3-8B",
                            "artifact_dir": "artifacts/Qwen_Qwen3-8B-openai-chat-concurrency8",
                            "profile_export_file": "artifacts/Qwen_Qwen3-8B-openai-chat-concurrency8/profile_export.json",
                            "extra_inputs": {}}
    with open(HERE / "genai-perf-profile_export_genai_perf.json", "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)


if __name__ == "__main__":
    vllm_detailed()
    sglang_jsonl()
    genai_perf_csv()
    genai_perf_json()
    llmperf()
