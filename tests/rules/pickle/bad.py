import pickle

with open("state.pkl", "wb") as handle:
    pickle.dump(state, handle)
   #^^^^^^^^^^^ pickle
blob = pickle.dumps(state)
#      ^^^^^^^^^^^^ pickle
restored = pickle.loads(blob)
#          ^^^^^^^^^^^^ pickle
with open("state.pkl", "rb") as handle:
    state = pickle.load(handle)
    #       ^^^^^^^^^^^ pickle
