def load(path):
    try:
        return open(path).read()
    except:
#   ^^^^^^ bare-except
        return None


def run(task):
    try:
        task()
    except ValueError:
        pass
    except:
#   ^^^^^^ bare-except
        print("failed")
