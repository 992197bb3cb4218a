def check(flag, done):
    if flag:
        return 1
    if flag is True or done is not False:
        return 2
    return 1 == True
