// Present so SwiftPM builds CAtlasSystem as a C target; the header carries the declarations.
#include "CAtlasSystem.h"
