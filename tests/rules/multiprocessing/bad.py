import multiprocessing
#      ^^^^^^^^^^^^^^^ multiprocessing
from multiprocessing import Pool
#    ^^^^^^^^^^^^^^^ multiprocessing

if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
    #    ^^^^^^^^^^^^^^^^^^^^ multiprocessing
        print(pool.map(square, range(10)))
