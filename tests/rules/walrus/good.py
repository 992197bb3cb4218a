chunk = stream.read(1024)
while chunk:
    process(chunk)
    chunk = stream.read(1024)

call(key=value)
