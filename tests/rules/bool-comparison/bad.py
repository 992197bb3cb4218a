def check(flag, done):
    if flag == True:
#      ^^^^^^^^^^^^ bool-comparison
        return 1
    if False != done:
#      ^^^^^^^^^^^^^ bool-comparison
        return 2
    return flag != False
#          ^^^^^^^^^^^^^ bool-comparison
