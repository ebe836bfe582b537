"""Runs exported PyTorch loss sources (src/export/pytorch.ts) in float64; used by src/export/pytorch.test.ts.

stdin: JSON {"jobs": [{"key", "source", "xs", "ys"}], "literals": ["0.1", "-0.0", ...]}
stdout: JSON {"torch", "torchvision", "results": [{"key", "values", "grads"} or {"key", "error"}],
              "literals": [repr(eval(literal)) or an error]}
Every float is sent back as repr() (shortest round-trip string; "nan", "inf" and "-inf" included),
so nothing is lost between Python and JS. Each source is exec'd in a fresh namespace.
Run it with Debian's /usr/bin/python3 (python3-torch, python3-torchvision).
"""
import json
import sys
import traceback

try:
    import torch
    import torchvision
    import torchvision.ops  # noqa: F401  (what the exported sources import)
except Exception as error:  # ImportError, or a broken install
    sys.stderr.write(f"cannot import torch and torchvision: {error!r}\n")
    sys.exit(3)

torch.set_num_threads(1)


def run_job(job):
    namespace = {"__name__": "exported_loss"}
    exec(compile(job["source"], f"<{job['key']}>", "exec"), namespace)
    loss_fn = namespace["loss_fn"]
    logits = torch.tensor(job["xs"], dtype=torch.float64, requires_grad=True)
    targets = torch.tensor(job["ys"], dtype=torch.float64)
    loss = loss_fn(logits, targets)
    if not isinstance(loss, torch.Tensor):
        raise TypeError(f"loss_fn returned {type(loss).__name__}, not a tensor")
    if loss.dtype != torch.float64 or loss.shape != logits.shape:
        raise TypeError(f"loss_fn returned {loss.dtype} of shape {tuple(loss.shape)}, not float64 {tuple(logits.shape)}")
    # Every example's loss depends on its own logit only, so d sum / d x_i = d loss_i / d x_i.
    loss.sum().backward()
    return {
        "key": job["key"],
        "values": [repr(v) for v in loss.detach().tolist()],
        "grads": [repr(v) for v in logits.grad.tolist()],
    }


def run_literal(literal):
    value = eval(literal, {"__builtins__": {}})
    return repr(value) if isinstance(value, float) else f"not a float: {type(value).__name__}"


def main():
    request = json.load(sys.stdin)
    results = []
    for job in request["jobs"]:
        try:
            results.append(run_job(job))
        except Exception:
            results.append({"key": job["key"], "error": traceback.format_exc()})
    literals = []
    for literal in request.get("literals", []):
        try:
            literals.append(run_literal(literal))
        except Exception as error:
            literals.append(f"error: {error!r}")
    json.dump(
        {"torch": torch.__version__, "torchvision": torchvision.__version__, "results": results, "literals": literals},
        sys.stdout,
    )


main()
