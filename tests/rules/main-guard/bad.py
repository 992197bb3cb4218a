def main():
    pass


if __name__ == "__main__":
#  ^^^^^^^^^^^^^^^^^^^^^^ main-guard
    main()

if '__main__' == __name__:
#  ^^^^^^^^^^^^^^^^^^^^^^ main-guard
    main()
