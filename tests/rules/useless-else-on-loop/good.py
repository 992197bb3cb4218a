for item in items:
    if item.matches():
        break
else:
    raise LookupError("no match")
while queue:
    with lock:
        try:
            job = queue.pop()
        except IndexError:
            break
else:
    print("drained")
for item in items:
    match item:
        case None:
            break
else:
    pass
for row in rows:
    for cell in row:
        if cell:
            break
    else:
        break
else:
    pass
for item in items:
    print(item)
