if __name__ != "__main__":
    print("imported")

if __name__ == "app":
    pass

if name == "__main__":
    pass

is_main = __name__ == "__main__"  # not an if condition
