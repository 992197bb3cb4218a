import re

match = re.match(r"\d+", "42")
if match:
    print(match.group())


def handle(command):
    if command == "go":
        return 1
    elif command == "quit":
        return 0
