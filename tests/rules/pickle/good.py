import pickle

protocol = pickle.HIGHEST_PROTOCOL
data = json.dumps(state)
state = cache.load("key")
