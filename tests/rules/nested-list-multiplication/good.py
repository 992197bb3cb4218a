row = [0] * 3
grid = [[0] * 3 for _ in range(3)]
pairs = [(0, 0)] * 3
names = [""] * 3
mixed = [[], []] * 2
