import copy
from copy import deepcopy

shallow = copy.copy(config)
#         ^^^^^^^^^ copy-module
deep = copy.deepcopy(config)
#      ^^^^^^^^^^^^^ copy-module
other = deepcopy(config)
#       ^^^^^^^^ copy-module
