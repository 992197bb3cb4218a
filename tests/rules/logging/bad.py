import logging
#      ^^^^^^^ logging
import logging.config
#      ^^^^^^^^^^^^^^ logging

logger = logging.getLogger(__name__)
#        ^^^^^^^^^^^^^^^^^ logging

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
   #^^^^^^^^^^^^^^^^^^^ logging
    logging.config.dictConfig({"version": 1})
   #^^^^^^^^^^^^^^^^^^^^^^^^^ logging
