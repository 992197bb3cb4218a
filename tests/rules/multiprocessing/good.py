import os

if __name__ == "__main__":
    with Pool(4) as pool:  # Pool alone says nothing about its module
        print(os.cpu_count())
