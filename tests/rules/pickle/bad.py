import pickle

with open("state.pkl", "wb") as handle:
    pickle.dump(state, handle)
   #^^^^^^^^^^^ pickle
blob = pickle.dumps(state)
#      ^^^^^^^^^^^^ pickle
