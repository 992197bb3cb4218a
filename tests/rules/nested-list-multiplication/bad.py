grid = [[0] * 3] * 3
#      ^^^^^^^^^^^^^ nested-list-multiplication
buckets = [[]] * size
#         ^^^^^^^^^^^ nested-list-multiplication
counters = rows * [{}]
#          ^^^^^^^^^^^ nested-list-multiplication
