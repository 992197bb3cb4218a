import asyncio


async def fetch(session, url):
#         ^^^^^ async-await
    async with session.get(url) as response:
   #^^^^^ async-await
        return await response.text()
        #      ^^^^^ async-await


async def consume(stream):
#         ^^^^^^^ async-await
    async for chunk in stream:
   #^^^^^ async-await
        print(chunk)
    results = [await task for task in tasks]
    #          ^^^^^ async-await
