squares = [x * x for x in range(10)]
#         ^^^^^^^^^^^^^^^^^^^^^^^^^^ list-comprehension
evens = [x for x in data if x % 2 == 0]
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ list-comprehension
flat = [y for row in matrix for y in row]
#      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ list-comprehension
nested = [[c for c in row] for row in grid]
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ list-comprehension
#         ^^^^^^^^^^^^^^^^ list-comprehension
