def load(path):
    try:
        return open(path).read()
    except OSError:
        return None


def run(task, log):
    try:
        task()
    except Exception:
        pass
    try:
        task()
    except:
        log("failed")
        raise
