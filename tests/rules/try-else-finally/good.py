try:
    value = int(text)
except ValueError:
    value = 0

if value:
    pass
else:
    pass

for x in items:
    pass
else:
    pass
