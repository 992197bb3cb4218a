import asyncio
import multiprocessing

inbox = asyncio.Queue()
results = multiprocessing.Queue()
jobs = Queue()
