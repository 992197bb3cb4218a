def report(items, queue):
    for item in items:
        print(item)
    else:
   #^^^^ useless-else-on-loop
        print("done")
    while queue:
        for job in queue.pop():
            if job.failed:
                break
    else:
   #^^^^ useless-else-on-loop
        print("drained")
