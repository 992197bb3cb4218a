import pickle
import shelve
from pickle import loads

import dill
import pandas as pd

state = pickle.load(handle)
#       ^^^^^^^^^^^^^^^^^^^ pickle-load
state = pickle.loads(blob)
#       ^^^^^^^^^^^^^^^^^^ pickle-load
state = loads(blob)
#       ^^^^^^^^^^^ pickle-load
reader = pickle.Unpickler(handle)
#        ^^^^^^^^^^^^^^^^^^^^^^^^ pickle-load
with shelve.open("db") as db:
#    ^^^^^^^^^^^^^^^^^ pickle-load
    pass
frame = pd.read_pickle("frame.pkl")
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^ pickle-load
session = dill.loads(blob)
#         ^^^^^^^^^^^^^^^^ pickle-load


# Through import aliases.
import pickle as pk
from pickle import loads as unpickle
from shelve import open as open_shelf

state = pk.loads(blob)
#       ^^^^^^^^^^^^^^ pickle-load
state = unpickle(blob)
#       ^^^^^^^^^^^^^^ pickle-load
db = open_shelf(path)
#    ^^^^^^^^^^^^^^^^ pickle-load
