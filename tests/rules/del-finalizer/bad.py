class TempFile:
    def __del__(self):
       #^^^^^^^ del-finalizer
        self.close()
