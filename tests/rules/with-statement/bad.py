with open("data.txt") as handle:
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^ with-statement
    data = handle.read()

with lock:
#    ^^^^ with-statement
    pass

with open("a") as src, open("b", "w") as dst:
#    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ with-statement
    dst.write(src.read())


async def main():
    async with session.get(url) as response:
    #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ with-statement
        return await response.text()
