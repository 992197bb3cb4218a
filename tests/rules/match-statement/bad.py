def describe(command):
    match command.split():
    #     ^^^^^^^^^^^^^^^ match-statement
        case ["go", direction]:
            return direction
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"


def point(p):
    match p:
    #     ^ match-statement
        case Point(x=0, y=0):
            return "origin"
