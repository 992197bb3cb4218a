print(0.1 + 0.2 == 0.3)
#     ^^^^^^^^^^^^^^^^ float-equality
if total != 1.0:
#  ^^^^^^^^^^^^ float-equality
    pass
same = -0.5 == ratio
#      ^^^^^^^^^^^^^ float-equality
