def mark_duplicates(names):
    seen = set()
    for i in range(len(names)):
    #        ^^^^^^^^^^^^^^^^^ range-len
        if names[i] in seen:
            names[i] += " (dup)"
        seen.add(names[i])


for row in range(len(grid)):
#          ^^^^^^^^^^^^^^^^ range-len
    print(row, grid[row])

for i in range(len(self.items)):
#        ^^^^^^^^^^^^^^^^^^^^^^ range-len
    total += self.items[i].price
