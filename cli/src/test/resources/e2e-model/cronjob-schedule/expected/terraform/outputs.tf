# no outputs
