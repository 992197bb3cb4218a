def run(tasks):
    try:
        run_all(tasks)
    except* ValueError as group:
   #^^^^^^ exception-group
        print(group.exceptions)
    return ExceptionGroup("several failed", [ValueError(1), KeyError(2)])
   #       ^^^^^^^^^^^^^^ exception-group
